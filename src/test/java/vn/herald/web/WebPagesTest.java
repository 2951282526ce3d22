package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login, the cookie, CSRF and roles on the pages, checked over plain HTTP (the browser journey is BrowserJourneyTest). */
@MicronautTest(transactional = false)
class WebPagesTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Browser browser() {
        return new Browser(server.getURI());
    }

    @Test
    void aVisitorWhoIsNotLoggedInIsSentToTheLoginPage() {
        HttpResponse<String> home = browser().get("/");
        assertEquals(302, home.statusCode());
        assertEquals("/login", home.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> login = browser().get("/login");
        assertEquals(200, login.statusCode());
        assertTrue(login.body().contains("Đăng nhập"), login.body());
        assertTrue(login.headers().firstValue("content-type").orElseThrow().contains("text/html"));
    }

    @Test
    void theApiStillAnswers401WithoutCredentialsAndWorksWithBasicAuth() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var anonymous = http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/pieces")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        String basic = java.util.Base64.getEncoder().encodeToString(("bien-tap:" + TestUsers.PASSWORD).getBytes());
        var withBasic = http.send(java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/pieces"))
                .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, withBasic.statusCode());
    }

    @Test
    void anEditorLogsInWithTheFormAndGetsAnHttpOnlyCookie() {
        Browser editor = browser();
        HttpResponse<String> login = editor.logIn("bien-tap", TestUsers.PASSWORD);
        assertEquals(303, login.statusCode(), login.body());
        String jwt = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        assertTrue(jwt.toLowerCase().contains("httponly"), jwt);
        assertTrue(jwt.contains("SameSite=Strict"), jwt);
        HttpResponse<String> home = editor.get("/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Nguyễn Thị Biên Tập"), home.body());
        assertTrue(home.body().contains("Hôm nay và 7 ngày tới, theo kênh"), "the home page says what is next");
    }

    @Test
    void aWrongPasswordShowsTheLoginPageAgainWithAMessage() {
        Browser stranger = browser();
        HttpResponse<String> login = stranger.logIn("bien-tap", "not-the-password");
        assertEquals(401, login.statusCode());
        assertTrue(login.body().contains("không đúng"), login.body());
        assertTrue(login.body().contains("value=\"bien-tap\""), "the name typed is kept");
        assertTrue(login.body().matches("(?s).*id=\"password\"[^>]*aria-invalid=\"true\".*"), "the password is marked");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefused() {
        Browser editor = browser();
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        HttpResponse<String> forged = editor.post("/pieces", Map.of("kind", "ARTICLE", "title", "Giả mạo"));
        assertEquals(403, forged.statusCode());
        String token = Browser.csrfTokenOf(editor.get("/pieces/new").body());
        HttpResponse<String> real = editor.post("/pieces", Map.of("kind", "ARTICLE", "title", "Bài thật", "body",
                "<p>Nội dung <script>alert(1)</script></p>", "csrfToken", token));
        assertEquals(303, real.statusCode(), real.body());
        HttpResponse<String> page = editor.get(real.headers().firstValue("Location").orElseThrow());
        assertTrue(page.body().contains("Bài thật"));
        assertFalse(page.body().contains("alert(1)"), "the server sanitises the article");
    }

    @Test
    void anEditorCannotApproveEvenWithAHandMadeRequest() {
        Browser editor = browser();
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String token = Browser.csrfTokenOf(editor.get("/pieces/new").body());
        HttpResponse<String> created = editor.post("/pieces", Map.of("kind", "ARTICLE", "title", "Chờ duyệt", "body",
                "<p>Nội dung</p>", "csrfToken", token));
        String path = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        assertEquals(303, editor.post(path + "/submit", Map.of("csrfToken", token)).statusCode());
        assertEquals(403, editor.post(path + "/approve", Map.of("csrfToken", token)).statusCode());
        assertTrue(editor.get(path).body().contains("Chờ duyệt"));
    }

    @Test
    void theRadioReadTimeFollowsTheContentServiceRule() {
        Browser editor = browser();
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String token = Browser.csrfTokenOf(editor.get("/pieces/new?kind=RADIO_SCRIPT").body());
        // 180 syllables at the default 180 a minute
        String script = "một ".repeat(180);
        HttpResponse<String> answer = editor.post("/pieces/read-time", Map.of("script", script, "csrfToken", token));
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("1:00"), answer.body());
        assertTrue(answer.body().contains("180 âm tiết"), answer.body());
    }

    @Test
    void loggingOutClearsTheCookie() {
        Browser editor = browser();
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String token = Browser.csrfTokenOf(editor.get("/").body());
        HttpResponse<String> out = editor.post("/logout", Map.of("csrfToken", token));
        assertEquals("/login?da-thoat=1", out.headers().firstValue("Location").orElseThrow());
        assertEquals(302, editor.get("/").statusCode());
    }
}
