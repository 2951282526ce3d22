package vn.herald.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The login cookies are Secure when the public address is https, or when a trusted proxy says the browser used https. */
class SecureCookieTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void anHttpsPublicAddressMakesTheCookiesSecure() {
        try (ApplicationContext context = start(Map.of("herald.portal.public-url", "https://xahoaan.example.vn"))) {
            List<String> cookies = logIn(context, Map.of());
            assertTrue(cookies.stream().allMatch(cookie -> cookie.contains("Secure")), cookies::toString);
        }
    }

    @Test
    void aTrustedProxySayingHttpsMakesTheCookiesSecureAndNobodyElseCan() {
        try (ApplicationContext behindProxy = start(Map.of("herald.login.trusted-proxies", "10.0.0.9, 127.0.0.1"))) {
            List<String> overHttps = logIn(behindProxy, Map.of("X-Forwarded-Proto", "https"));
            assertTrue(overHttps.stream().allMatch(cookie -> cookie.contains("Secure")), overHttps::toString);
            List<String> overHttp = logIn(behindProxy, Map.of());
            assertTrue(overHttp.stream().noneMatch(cookie -> cookie.contains("Secure")), overHttp::toString);
        }
        try (ApplicationContext noProxy = start(Map.of())) {
            List<String> claimed = logIn(noProxy, Map.of("X-Forwarded-Proto", "https"));
            assertTrue(claimed.stream().noneMatch(cookie -> cookie.contains("Secure")),
                    "a client that is not a trusted proxy cannot decide: " + claimed);
        }
    }

    private static ApplicationContext start(Map<String, Object> extra) {
        try {
            Map<String, Object> settings = new HashMap<>(extra);
            settings.put("herald.content-dir", Files.createTempDirectory("herald-cookie-content").toString());
            settings.put("herald.publishing.scheduler-enabled", "false");
            ApplicationContext context = ApplicationContext.run(EmbeddedServer.class, settings, "test").getApplicationContext();
            TestUsers.ensure(context.getBean(Accounts.class));
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Set-Cookie headers of the login form and of a successful login, both sent with {@code headers}. */
    private List<String> logIn(ApplicationContext context, Map<String, String> headers) {
        URI base = context.getBean(EmbeddedServer.class).getURI();
        HttpResponse<String> form = send(HttpRequest.newBuilder(base.resolve("/login")), headers);
        String formCookie = form.headers().firstValue("set-cookie").orElseThrow();
        String body = "username=bien-tap&password=" + URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8)
                + "&csrfToken=" + URLEncoder.encode(Browser.csrfTokenOf(form.body()), StandardCharsets.UTF_8);
        HttpResponse<String> login = send(HttpRequest.newBuilder(base.resolve("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", formCookie.split(";", 2)[0])
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers);
        assertEquals(303, login.statusCode(), login.body());
        String jwt = login.headers().allValues("set-cookie").stream().filter(cookie -> cookie.startsWith("JWT=")).findFirst().orElseThrow();
        assertFalse(jwt.startsWith("JWT=;"));
        return List.of(formCookie, jwt);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
