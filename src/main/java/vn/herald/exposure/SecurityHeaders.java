package vn.herald.exposure;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The browser-side protections on every answer the server gives: pages, the API, the portal, feeds, stored files,
 * static files and WebJars, error answers and 404s alike. An answer that set its own policy (a stored file, a report
 * with inline styles) keeps it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class SecurityHeaders implements Ordered {

    /** The built Swagger UI page starts the bundle with an inline script: that script, by its hash, and no other. */
    private static final String SWAGGER_UI_PAGE = "META-INF/swagger/views/swagger-ui/index.html";

    private final String pagesPolicy;
    private final String swaggerPolicy;

    SecurityHeaders(@Value("${herald.portal.public-url:`http://localhost:8080`}") String publicUrl) {
        URI address = URI.create(publicUrl.strip());
        // stored files are linked by the public address, which need not be the one an editor opens the pages on
        String publicOrigin = address.getScheme() == null || address.getRawAuthority() == null ? "'self'"
                : address.getScheme() + "://" + address.getRawAuthority();
        this.pagesPolicy = ContentPolicy.pages(publicOrigin);
        String hashes = swaggerScriptHashes();
        this.swaggerPolicy = "default-src 'self'; script-src 'self'" + (hashes.isEmpty() ? "" : " " + hashes)
                // Swagger UI writes style attributes and shows its icons as data: images; it holds no user content
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'"
                + "; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public int getOrder() {
        // outermost: the headers go also on answers that security or the router made before any controller ran
        return HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    void protect(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        var headers = response.getHeaders();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains(ContentPolicy.HEADER)) {
            headers.set(ContentPolicy.HEADER, path.startsWith("/swagger-ui") ? swaggerPolicy : pagesPolicy);
        }
        // readers following a link from the portal may tell the site they came from; the editors' addresses
        // (piece ids, report periods, calendar feed tokens) never leave the server
        boolean publicSide = path.equals("/portal") || path.startsWith("/portal/") || path.equals("/sitemap.xml")
                || path.startsWith("/assets/");
        headers.set("Referrer-Policy", publicSide ? "strict-origin-when-cross-origin" : "same-origin");
    }

    private static String swaggerScriptHashes() {
        try (InputStream page = SecurityHeaders.class.getClassLoader().getResourceAsStream(SWAGGER_UI_PAGE)) {
            return page == null ? "" : ContentPolicy.scriptHashes(new String(page.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built Swagger UI page", e);
        }
    }
}
