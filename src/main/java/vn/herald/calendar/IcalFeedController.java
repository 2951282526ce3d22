package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The feeds themselves, for calendar apps: no login, the token in the URL is the only key. An unknown or retired
 * token answers a bare 404 that says nothing about feeds. Calendar apps poll: an ETag of the content lets them
 * revalidate cheaply, and {@code private, no-cache} keeps shared caches from holding a capability URL's answer.
 */
@Controller("/ical")
@Secured(SecurityRule.IS_ANONYMOUS)
class IcalFeedController {

    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final IcalFeeds feeds;

    IcalFeedController(IcalFeeds feeds) {
        this.feeds = feeds;
    }

    @Get("/{file}")
    HttpResponse<?> feed(String file, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Optional<String> text = file.endsWith(".ics")
                ? feeds.read(file.substring(0, file.length() - ".ics".length()))
                : Optional.empty();
        if (text.isEmpty()) {
            return HttpResponse.notFound();
        }
        byte[] body = text.get().getBytes(StandardCharsets.UTF_8);
        String etag = etag(body);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        }
        return HttpResponse.ok(body)
                .contentType(MediaType.of(TEXT_CALENDAR))
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header("X-Robots-Tag", "noindex");
    }

    private static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
