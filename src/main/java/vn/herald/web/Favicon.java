package vn.herald.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The site's icon where every browser asks for it, whatever the page says: the pages link it, and a browser opening
 * a portal page or a report asks {@code /favicon.ico} on its own.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class Favicon {

    private static final String ICON = "image/x-icon";

    private final byte[] icon;

    Favicon() {
        try (InputStream in = Favicon.class.getResourceAsStream("/static/favicon.ico")) {
            if (in == null) {
                throw new IllegalStateException("static/favicon.ico is missing from the build");
            }
            this.icon = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/favicon.ico", produces = ICON)
    HttpResponse<byte[]> icon() {
        return HttpResponse.ok(icon).contentType(ICON).header(HttpHeaders.CACHE_CONTROL, "public, max-age=86400");
    }
}
