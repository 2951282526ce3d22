package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Vietnamese passphrase runs past bcrypt's 72 bytes: it is a good password, never a 500. */
@MicronautTest(transactional = false)
class LongPasswordTest {

    // 61 characters, 83 bytes in UTF-8: bcrypt alone would read only up to "rưỡi"
    private static final String PASSPHRASE = "Sáng thứ Hai loa phường đọc bản tin lúc sáu giờ rưỡi đúng giờ";

    @Inject EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aLongVietnamesePassphraseIsAcceptedAndWorksOnThePageAndOverBasic() {
        assertTrue(PASSPHRASE.getBytes(StandardCharsets.UTF_8).length > 72);
        String user = "{\"username\":\"doc-tin\",\"displayName\":\"Phát thanh viên\",\"password\":\"" + PASSPHRASE
                + "\",\"roles\":[\"EDITOR\"]}";
        HttpResponse<String> created = send(HttpRequest.newBuilder(server.getURI().resolve("/api/users"))
                .header("Authorization", basic("admin", TestUsers.ADMIN_PASSWORD)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(user)));
        assertEquals(201, created.statusCode(), created.body());

        assertEquals(200, me("doc-tin", PASSPHRASE).statusCode());
        assertEquals(401, me("doc-tin", PASSPHRASE.replace("đúng giờ", "hơi muộn")).statusCode(),
                "the words past byte 72 count: a different ending is a wrong password");
        Browser reader = new Browser(server.getURI());
        assertEquals(303, reader.logIn("doc-tin", PASSPHRASE).statusCode());
        assertEquals(200, reader.get("/").statusCode());
    }

    @Test
    void anyLongPasswordFromAnyoneIsAFailedLoginNotAnError() {
        // about 2 KB: well past bcrypt, still inside the server's header limit
        String huge = "mật khẩu rất dài ".repeat(100);
        assertEquals(401, me("khong-ai-ca", huge).statusCode(), "unknown user");
        assertEquals(401, me("bien-tap", huge).statusCode(), "known user");
        HttpResponse<String> page = new Browser(server.getURI()).logIn("bien-tap", huge);
        assertEquals(401, page.statusCode(), page.body());
        assertTrue(page.body().contains("không đúng"), page.body());
    }

    private HttpResponse<String> me(String username, String password) {
        return send(HttpRequest.newBuilder(server.getURI().resolve("/api/users/me")).header("Authorization", basic(username, password)));
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
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
