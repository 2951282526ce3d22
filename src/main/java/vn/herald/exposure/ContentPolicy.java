package vn.herald.exposure;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The Content-Security-Policy texts Herald answers with. Pages load scripts and styles only from this server
 * ({@code /static}, {@code /webjars}); the one inline allowance is the hash of an empty style element, which
 * FullCalendar creates and then fills through the CSSOM (insertRule is not inline CSS, so nothing else is needed).
 */
public final class ContentPolicy {

    public static final String HEADER = "Content-Security-Policy";

    /** sha256 of the empty string: lets FullCalendar's empty {@code <style data-fullcalendar>} in, and nothing else. */
    static final String EMPTY_STYLE = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    /**
     * The pages' policy. Stored pictures and recordings are linked by the public address ({@code HERALD_PUBLIC_URL}),
     * which need not be the address an editor uses; pictures in article bodies may come from other https sites (the
     * sanitiser keeps http, https and relative); FullCalendar's icon font is a data: URL inside its styles. A screen's
     * kiosk plays its videos from blob: copies it keeps in memory, so the loop plays on while Herald is unreachable.
     */
    static String pages(String publicOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self' " + EMPTY_STYLE
                + "; img-src 'self' " + publicOrigin + " https:; media-src 'self' blob: " + publicOrigin
                + "; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** A stored upload is never a document: nothing in it may run, even if a browser were made to open it as one. */
    static final String STORED_FILE = "default-src 'none'; sandbox; frame-ancestors 'none'";

    private ContentPolicy() {
    }

    /**
     * The policy of a standalone HTML document (a report a person may save and open offline) that carries its
     * styles inline: each style element is allowed by its hash, and no script at all.
     */
    public static String withInlineStyles(String html) {
        List<String> hashes = Jsoup.parse(html).select("style").stream().map(Element::data).map(ContentPolicy::hash)
                .distinct().toList();
        return "default-src 'none'; style-src " + (hashes.isEmpty() ? "'none'" : String.join(" ", hashes))
                + "; img-src 'self' https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /**
     * Headers of an uploaded file served back (images and audio): the stored type, never sniffed, sandboxed; anything
     * that is not a picture, a recording or a video is offered as a download rather than shown.
     */
    public static <T> MutableHttpResponse<T> storedFile(MutableHttpResponse<T> response, String mediaType) {
        response.header(HEADER, STORED_FILE);
        String type = mediaType.toLowerCase(Locale.ROOT);
        // an SVG is a document that can carry scripts, however it is named
        boolean media = (type.startsWith("image/") && !type.startsWith("image/svg")) || type.startsWith("audio/")
                || type.startsWith("video/");
        if (!media) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, "attachment");
        }
        return response;
    }

    static String hash(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String scriptHashes(String html) {
        return Jsoup.parse(html).select("script:not([src])").stream().map(Element::data).map(ContentPolicy::hash)
                .distinct().collect(Collectors.joining(" "));
    }
}
