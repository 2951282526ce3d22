package vn.herald.exposure;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.support.Folders;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asEditor;

/** What every answer tells the browser (nosniff, no framing, a policy the pages satisfy), and what /health shows. */
@MicronautTest(transactional = false)
class SecurityHeadersTest {

    @Inject EmbeddedServer server;
    @Inject @Client("/") HttpClient client;
    @Inject Accounts accounts;
    @Inject JsonMapper json;
    @Inject Folders folders;

    private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private HttpResponse<String> get(String path, String user, String password) {
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(path, e);
        }
    }

    private HttpResponse<String> get(String path) {
        return get(path, null, null);
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    @Test
    void everyKindOfAnswerForbidsSniffingFramingAndInlineScripts() {
        Map<String, HttpResponse<String>> answers = new java.util.LinkedHashMap<>();
        answers.put("login page", get("/login"));
        answers.put("page redirect", get("/"));
        answers.put("api", get("/api/pieces", "bien-tap", TestUsers.PASSWORD));
        answers.put("api 401", get("/api/pieces"));
        answers.put("api 404", get("/api/pieces/987654321", "bien-tap", TestUsers.PASSWORD));
        answers.put("portal", get("/portal"));
        answers.put("portal 404", get("/portal/bai/khong-co-bai-nay"));
        answers.put("feed", get("/portal/rss.xml"));
        answers.put("static", get("/static/herald.css"));
        answers.put("webjar", get("/webjars/htmx.org/2.0.4/dist/htmx.min.js"));
        answers.put("unknown address", get("/khong-co-trang-nay"));
        answers.put("health", get("/health"));
        List<String> missing = new ArrayList<>();
        answers.forEach((what, response) -> {
            String policy = header(response, "Content-Security-Policy");
            String script = policy.replaceAll(".*script-src ([^;]*).*", "$1");
            if (!header(response, "X-Content-Type-Options").equals("nosniff")
                    || !header(response, "X-Frame-Options").equals("DENY")
                    || header(response, "Referrer-Policy").isEmpty()
                    || !policy.contains("default-src 'self'") || !policy.contains("frame-ancestors 'none'")
                    || !policy.contains("object-src 'none'") || !policy.contains("base-uri 'self'")
                    || !policy.contains("form-action 'self'") || !policy.contains("script-src 'self'")
                    || script.contains("unsafe-inline")) {
                missing.add(what + " (" + response.statusCode() + "): " + response.headers().map());
            }
        });
        assertEquals(List.of(), missing);
        assertEquals(404, answers.get("unknown address").statusCode());
        assertEquals("same-origin", header(answers.get("api"), "Referrer-Policy"));
        assertEquals("strict-origin-when-cross-origin", header(answers.get("portal"), "Referrer-Policy"));
    }

    @Test
    void thePortalAndTheEditorsPagesCarryNoInlineStyleOrScript() {
        for (String path : List.of("/portal", "/login", "/portal/bai/khong-co-bai-nay")) {
            String page = get(path).body();
            org.jsoup.nodes.Document document = org.jsoup.Jsoup.parse(page);
            assertTrue(document.select("style, script:not([src]), [style]").isEmpty(), path + ": " + page);
        }
    }

    @Test
    void aPngWithAWebPageInsideIsServedAsAPictureThatCannotRun() throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        out.write("<html><body><script>alert(document.cookie)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> piece = client.toBlocking().retrieve(asEditor(HttpRequest.POST("/api/pieces",
                Map.of("kind", "ARTICLE", "title", "Bài có ảnh lạ", "body", "<p>Nội dung</p>"))), Argument.mapOf(String.class, Object.class));
        Map<String, Object> attached = client.toBlocking().retrieve(asEditor(HttpRequest.POST("/api/pieces/" + piece.get("id") + "/assets",
                MultipartBody.builder().addPart("file", "anh.html", MediaType.TEXT_HTML_TYPE, out.toByteArray())
                        .addPart("role", "COVER").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                Argument.mapOf(String.class, Object.class));
        String sha256 = String.valueOf(((Map<?, ?>) attached.get("asset")).get("sha256"));

        HttpResponse<String> served = get("/assets/" + sha256);
        assertEquals(200, served.statusCode());
        assertEquals("image/png", header(served, "Content-Type"));
        assertEquals("nosniff", header(served, "X-Content-Type-Options"));
        assertTrue(header(served, "Content-Security-Policy").contains("sandbox"), served.headers().map().toString());
        assertTrue(header(served, "Content-Security-Policy").contains("default-src 'none'"));
    }

    @Test
    void anythingStoredThatIsNotAPictureOrARecordingIsOfferedAsADownload() {
        var html = ContentPolicy.storedFile(io.micronaut.http.HttpResponse.ok("x"), "text/html");
        assertEquals("attachment", html.getHeaders().get("Content-Disposition"));
        var svg = ContentPolicy.storedFile(io.micronaut.http.HttpResponse.ok("x"), "image/svg+xml");
        assertEquals("attachment", svg.getHeaders().get("Content-Disposition"));
        var png = ContentPolicy.storedFile(io.micronaut.http.HttpResponse.ok("x"), "image/png");
        assertEquals(null, png.getHeaders().get("Content-Disposition"));
        assertTrue(png.getHeaders().get("Content-Security-Policy").contains("sandbox"));
    }

    @Test
    void theHtmlReportAllowsItsOwnStylesByHashAndNoScript() {
        HttpResponse<String> report = get("/api/reports?period=2027-05&format=html", "bien-tap", TestUsers.PASSWORD);
        assertEquals(200, report.statusCode(), report.body());
        String policy = header(report, "Content-Security-Policy");
        String style = org.jsoup.Jsoup.parse(report.body()).selectFirst("style").data();
        assertTrue(policy.contains(ContentPolicy.hash(style)), policy);
        assertTrue(policy.startsWith("default-src 'none'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
    }

    private Map<String, Object> health(String user, String password) throws IOException {
        HttpResponse<String> answer = get("/health", user, password);
        assertEquals(200, answer.statusCode(), answer.body());
        return json.readValue(answer.body(), Argument.mapOf(String.class, Object.class));
    }

    @Test
    void healthDetailsAreForAdminsOnly() throws IOException {
        assertFalse(health(null, null).containsKey("details"), "anonymous");
        Map<String, Object> editor = health("bien-tap", TestUsers.PASSWORD);
        assertEquals("UP", editor.get("status"));
        assertFalse(editor.containsKey("details"), "an editor sees no internals: " + editor);
        Map<String, Object> admin = health("admin", TestUsers.ADMIN_PASSWORD);
        assertTrue(String.valueOf(admin.get("details")).contains("clock"), admin.toString());
    }

    @Test
    void anAdminsHealthDetailsNameNoDatabaseAddressOrServerPath() throws IOException {
        Map<String, Object> admin = health("admin", TestUsers.ADMIN_PASSWORD);
        String shown = json.writeValueAsString(admin);
        assertTrue(shown.contains("jdbc") && shown.contains("diskSpace"), "the checks are still there: " + shown);
        assertFalse(shown.contains("jdbc:"), shown);
        assertFalse(shown.contains(folders.dataDir().toAbsolutePath().toString()), shown);
        assertFalse(shown.contains(URI.create("file:///").toString()), shown);
        assertFalse(shown.matches("(?s).*\"/[a-z].*"), "an absolute path: " + shown);
    }
}
