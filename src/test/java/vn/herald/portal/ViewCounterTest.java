package vn.herald.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who counts as a person reading the portal: browsers and Zalo's in-app browser; not crawlers, previews, HEAD or prefetch. */
class ViewCounterTest {

    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Safari/537.36";

    private static MutableHttpRequest<?> get(String agent) {
        MutableHttpRequest<?> request = HttpRequest.GET("/portal/bai/tin");
        return agent == null ? request : request.header("User-Agent", agent);
    }

    @Test
    void peopleInBrowsersAndInZalosAppAreReaders() {
        for (String agent : List.of(CHROME,
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
                "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36 Zalo android/12345 ZaloTheme/dark ZaloLanguage/vn",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]")) {
            assertTrue(ViewCounter.isReader(get(agent)), agent);
        }
    }

    @Test
    void crawlersLinkPreviewsAndToolsAreNot() {
        for (String agent : List.of("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)", "Zalo", "ZaloBot/1.0",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "TelegramBot (like TwitterBot)",
                "WhatsApp/2.23.20.0", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)", "curl/8.4.0",
                "Java-http-client/17.0.15", "python-requests/2.31", "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0", "")) {
            assertFalse(ViewCounter.isReader(get(agent)), agent);
        }
        assertFalse(ViewCounter.isReader(get(null)), "no user agent");
    }

    @Test
    void headRequestsAndPrefetchesAreNotViews() {
        assertFalse(ViewCounter.isReader(HttpRequest.HEAD("/portal/bai/tin").header("User-Agent", CHROME)));
        assertFalse(ViewCounter.isReader(get(CHROME).header("Sec-Purpose", "prefetch;prerender")));
        assertFalse(ViewCounter.isReader(get(CHROME).header("Purpose", "prefetch")));
        assertFalse(ViewCounter.isReader(get(CHROME).header("X-Moz", "prefetch")));
    }
}
