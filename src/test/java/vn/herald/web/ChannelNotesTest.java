package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channels page states what an adapter says people must know: the seed TikTok app is not audited yet. */
@MicronautTest(transactional = false)
class ChannelNotesTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    @Test
    void theTikTokCardSaysPlainlyThatVideosArePrivateUntilTheAppIsAudited() {
        Browser browser = new Browser(server.getURI());
        browser.logIn("bien-tap", TestUsers.PASSWORD);
        var page = browser.get("/channels");
        Document html = Jsoup.parse(page.body());

        Element card = html.select("li.card").stream().filter(c -> c.text().contains("TikTok Xã Hòa An")).findFirst().orElse(null);

        assertNotNull(card, page.body());
        Element note = card.selectFirst("p.note");
        assertNotNull(note, card.outerHtml());
        assertTrue(note.text().contains("chỉ ở chế độ «Chỉ mình tôi», người khác không xem được"), note.text());
        assertTrue(html.select("li.card").stream().filter(c -> c.text().contains("Zalo OA")).allMatch(c -> c.select("p.note").isEmpty()),
                "other channels have nothing to say");
    }
}
