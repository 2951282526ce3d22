package vn.herald.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.herald.channel.Channel;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.exposure.ContentPolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The screens themselves: no login, the token in the address is the only key, as for the calendar feeds. An unknown
 * token answers a bare 404 that says nothing about screens. The kiosk page asks for the manifest with its ETag, so an
 * unchanged loop costs a 304; {@code private, no-cache} keeps shared caches from holding a capability URL's answer.
 */
@Controller("/screen/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
class ScreenController {

    private static final String NO_CACHE = "private, no-cache";

    private final ScreenLoops loops;
    private final Assets assets;
    private final JsonMapper json;

    ScreenController(ScreenLoops loops, Assets assets, JsonMapper json) {
        this.loops = loops;
        this.assets = assets;
        this.json = json;
    }

    /** The full-screen kiosk page; static/screen.js plays the loop it fetches. */
    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> kiosk(String token) {
        Optional<Channel> channel = loops.channelOf(token);
        if (channel.isEmpty()) {
            return HttpResponse.notFound();
        }
        ScreenLoops.Manifest manifest = loops.manifest(channel.get());
        return HttpResponse.ok(new ModelAndView<>("screen", Map.of("channel", manifest.channel(), "unit", manifest.unit(),
                        "manifestUrl", "/screen/" + token + "/manifest.json")))
                .header(HttpHeaders.CACHE_CONTROL, NO_CACHE).header("X-Robots-Tag", "noindex");
    }

    @Get(value = "/manifest.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<?> manifest(String token, @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Optional<Channel> channel = loops.channelOf(token);
        if (channel.isEmpty()) {
            return HttpResponse.notFound();
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(loops.manifest(channel.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String etag = etag(body);
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            return HttpResponse.notModified().header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, NO_CACHE);
        }
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, NO_CACHE).header("X-Robots-Tag", "noindex");
    }

    /**
     * A file of a slide the screen shows now: a picture, a video or its captions. Micronaut answers a Range on a
     * {@code SystemFile} with 206 and Content-Range, which a video element asks for.
     */
    @Get("/files/{sha256}")
    HttpResponse<?> file(String token, String sha256) {
        Optional<Asset> asset = loops.channelOf(token).flatMap(channel -> loops.file(channel, sha256));
        if (asset.isEmpty() || !Files.isReadable(assets.fileOf(asset.get()))) {
            return HttpResponse.notFound();
        }
        Path stored = assets.fileOf(asset.get());
        return ContentPolicy.storedFile(HttpResponse.ok(new SystemFile(stored.toFile(),
                MediaType.of(asset.get().mediaType()))), asset.get().mediaType()).header(HttpHeaders.CACHE_CONTROL, NO_CACHE)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes");
    }

    private static String etag(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK", e);
        }
    }
}
