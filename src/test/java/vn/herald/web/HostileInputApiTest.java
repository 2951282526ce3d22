package vn.herald.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asEditor;

/** Hostile and careless input at the API: control characters, limits, bombs, paging and far-off dates. */
@MicronautTest(transactional = false)
class HostileInputApiTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject JsonMapper json;

    private JsonCalls api;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        api = new JsonCalls(http, json);
    }

    private Map<String, Object> create(Map<String, Object> fields) {
        return api.call(asEditor(HttpRequest.POST("/api/pieces", fields)));
    }

    /** A valid PNG of about 10 KB whose header declares 50000 x 50000 pixels (2.5 gigapixels to decode). */
    private static byte[] aPngBomb() {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 0)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(new byte[3_000_000]);
        deflater.finish();
        byte[] compressed = new byte[20_000];
        int length = deflater.deflate(compressed);
        chunk(png, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aSmallPngDeclaringFiftyThousandByFiftyThousandPixelsIsRefusedAsACover() {
        byte[] bomb = aPngBomb();
        assertTrue(bomb.length < 20_000, "the bomb is small: " + bomb.length);
        Object id = create(Map.of("kind", "ARTICLE", "title", "Bài có ảnh bom")).get("id");

        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/pieces/" + id + "/assets",
                MultipartBody.builder().addPart("file", "bom.png", MediaType.IMAGE_PNG_TYPE, bomb)
                        .addPart("role", "COVER").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);

        assertEquals("image-too-many-pixels", problem.get("code"));
        assertTrue(String.valueOf(problem.get("detail")).contains("50000 × 50000"), problem.toString());
    }

    @Test
    void controlCharactersAreRemovedFromTitlesTopicsSummariesAndBodies() {
        Map<String, Object> piece = create(Map.of("kind", "ARTICLE", "title", "Tin\u0000 nóng\u0007\u001b[31m",
                "summary", "Dòng một\r\nDòng hai\u0000", "topics", List.of("Chuyển\u0000 đổi số\t"),
                "body", "<p>Nội\u0000 dung&#1;\tcó tab</p>"));

        assertEquals("Tin nóng[31m", piece.get("title"));
        assertEquals("Dòng một Dòng hai", piece.get("summary"));
        assertEquals(List.of("Chuyển đổi số"), piece.get("topics"));
        assertEquals("<p>Nội dung\tcó tab</p>", piece.get("body"));
    }

    @Test
    void overLongTitlesSummariesAndTooManyOrTooLongTopicsAreRefusedFieldByFieldInVietnamese() {
        List<String> topics = IntStream.range(0, 21).mapToObj(n -> "Chủ đề " + n).toList();
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE",
                "title", "T".repeat(301), "summary", "S".repeat(1001), "topics", topics,
                "audiences", List.of("Đ".repeat(65))))), HttpStatus.BAD_REQUEST);

        assertEquals("piece-invalid", problem.get("code"));
        @SuppressWarnings("unchecked")
        List<Map<String, String>> errors = (List<Map<String, String>>) problem.get("errors");
        Map<String, String> byField = new java.util.HashMap<>();
        errors.forEach(e -> byField.put(e.get("field"), e.get("message")));
        assertEquals("Tiêu đề dài 301 ký tự; tối đa 300 ký tự.", byField.get("title"));
        assertEquals("Tóm tắt dài 1001 ký tự; tối đa 1000 ký tự.", byField.get("summary"));
        assertEquals("Có 21 mục; tối đa 20 mục.", byField.get("topics"));
        assertTrue(byField.get("audiences").contains("tối đa 64 ký tự"), byField.toString());
    }

    @Test
    void theWritingPageNamesEachFieldOverItsLimitInVietnamese() {
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        String token = Browser.csrfTokenOf(editor.get("/pieces/new").body());

        java.net.http.HttpResponse<String> answer = editor.post("/pieces", Map.of("kind", "ARTICLE",
                "title", "T".repeat(301), "topics", String.join(", ", IntStream.range(0, 21).mapToObj(n -> "Chủ đề " + n).toList()),
                "body", "<p>Nội dung</p>", "csrfToken", token));

        assertEquals(400, answer.statusCode());
        List<String> errors = Jsoup.parse(answer.body()).select("#form-errors li").eachText();
        assertTrue(errors.contains("Tiêu đề: Tiêu đề dài 301 ký tự; tối đa 300 ký tự."), errors.toString());
        assertTrue(errors.contains("Chủ đề: Có 21 mục; tối đa 20 mục."), errors.toString());
    }

    @Test
    void aHundredThousandNestedDivsAreFlattenedAndThePieceAndItsPageAnswerQuickly() {
        String deep = "<div>".repeat(100_000) + "Sâu" + "</div>".repeat(100_000);
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);

        assertTimeoutPreemptively(Duration.ofSeconds(15), () -> {
            Map<String, Object> piece = create(Map.of("kind", "ARTICLE", "title", "Bài lồng sâu", "body", deep));
            String body = (String) piece.get("body");
            assertTrue(body.length() < 1_000, "flattened: " + body.length() + " characters");
            Element deepest = Jsoup.parseBodyFragment(body).body();
            int depth = 0;
            while (!deepest.children().isEmpty()) {
                deepest = deepest.child(0);
                depth++;
            }
            assertTrue(depth <= 32, "depth " + depth);
            assertEquals("Sâu", deepest.text());
            java.net.http.HttpResponse<String> page = editor.get("/pieces/" + piece.get("id"));
            assertEquals(200, page.statusCode());
        });
    }

    @Test
    void aPageNumberNoListCanReachIsRefusedAndOneAfterTheLastIsEmpty() {
        Map<String, Object> pieces = api.refused(asEditor(HttpRequest.GET("/api/pieces?page=100000000")), HttpStatus.BAD_REQUEST);
        assertEquals("paging-invalid", pieces.get("code"));
        assertEquals("paging-invalid",
                api.refused(asEditor(HttpRequest.GET("/api/publications?page=100000000")), HttpStatus.BAD_REQUEST).get("code"));

        Map<String, Object> afterTheLast = api.call(asEditor(HttpRequest.GET("/api/pieces?page=20000&size=50")));
        assertEquals(List.of(), afterTheLast.get("items"));
        assertTrue(((Number) afterTheLast.get("total")).intValue() > 0);
    }

    @Test
    void aPublicationPlannedInTheYear999999IsRefused() {
        List<?> approved = (List<?>) api.call(asEditor(HttpRequest.GET("/api/pieces?status=APPROVED&kind=ARTICLE&size=1"))).get("items");
        Object pieceId = ((Map<?, ?>) approved.get(0)).get("id");

        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", pieceId,
                "channelIds", List.of("facebook"), "plannedAt", "+999999-01-01T08:00:00+07:00"))), HttpStatus.BAD_REQUEST);

        assertEquals("planned-too-far", problem.get("code"));
        assertFalse(String.valueOf(problem.get("detail")).contains("T08:00"), "a date a person reads: " + problem);
    }
}
