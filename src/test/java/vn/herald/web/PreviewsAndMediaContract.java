package vn.herald.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.unit.Units;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asApprover;
import static vn.herald.TestUsers.asEditor;

/**
 * Previews that show what residents will see, the cover, channels' hard requirements, and the unit's media library;
 * run on H2 and PostgreSQL (the library's "where used" is a native query).
 */
abstract class PreviewsAndMediaContract {

    private static final String OTHER_UNIT = "xa-ben-kia";
    private static final String OTHER_EDITOR = "ben-kia-bien-tap";
    private static final AtomicInteger COLOURS = new AtomicInteger(40);

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Units units;
    @Inject JsonMapper json;

    private JsonCalls api;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        api = new JsonCalls(http, json);
        if (units.find(OTHER_UNIT).isEmpty()) {
            units.create(new Units.UnitForm(OTHER_UNIT, "Xã Bên Kia", "Asia/Ho_Chi_Minh", null));
            accounts.create(new Accounts.AccountForm(OTHER_EDITOR, "Lê Văn Bên Kia", TestUsers.PASSWORD,
                    EnumSet.of(Role.EDITOR), OTHER_UNIT, true));
        }
    }

    @Test
    void theEditorChoosesTheCoverAndChangesItByUploadOrFromTheLibrary() {
        long id = number(anArticle("Ngày hội đọc sách", "Tóm tắt", null).get("id"));
        Browser editor = loggedIn("bien-tap");
        String token = Browser.csrfTokenOf(editor.get("/pieces/" + id).body());
        assertTrue(editor.get("/pieces/" + id).body().contains("Tin, bài chưa có ảnh bìa."));

        var first = editor.upload("/pieces/" + id + "/upload", Map.of("role", "COVER", "csrfToken", token), "bia-1.png",
                "image/png", aPng());
        assertEquals("/pieces/" + id + "?ok=cover", first.headers().firstValue("Location").orElseThrow());
        Object firstCover = piece(id).get("coverAssetId");
        String page = editor.get("/pieces/" + id + "?ok=cover").body();
        assertTrue(page.contains("Đã đặt ảnh bìa."), page);
        assertTrue(page.contains("Ảnh bìa hiện tại:"), page);

        editor.upload("/pieces/" + id + "/upload", Map.of("role", "COVER", "csrfToken", token), "bia-2.png", "image/png", aPng());
        Object secondCover = piece(id).get("coverAssetId");
        assertNotEquals(firstCover, secondCover, "a new cover replaces the one before");
        assertFalse(String.valueOf(piece(id).get("body")).contains("<figure"), "a cover is not put in the text");

        int libraryBefore = library("").size();
        Map<String, Object> firstEntry = library("").stream().filter(e -> e.get("assetId").equals(firstCover)).findFirst().orElseThrow();
        var back = editor.post("/pieces/" + id + "/reuse", Map.of("mediaId", String.valueOf(firstEntry.get("id")),
                "role", "COVER", "csrfToken", token));
        assertEquals(303, back.statusCode(), back.body());
        assertEquals(firstCover, piece(id).get("coverAssetId"), "the first cover, taken back from the library");
        assertEquals(libraryBefore, library("").size(), "nothing was uploaded again");
    }

    @Test
    void everyPreviewShowsStoredPicturesFromAnAddressTheEditorCanOpen() {
        long id = number(anArticle("Tiêm chủng mở rộng tháng này", "Lịch tiêm cho trẻ dưới 5 tuổi", null).get("id"));
        attach(id, "COVER", "bia-tiem.png", null);
        Map<String, Object> figure = attach(id, "FIGURE", "hinh-tiem.png", "Cán bộ y tế tiêm cho trẻ");
        String sha = String.valueOf(asMap(figure.get("asset")).get("sha256"));
        api.call(asEditor(HttpRequest.PUT("/api/pieces/" + id, Map.of("body", "<p>Lịch tiêm.</p><figure><img src=\"/assets/"
                + sha + "\" alt=\"Cán bộ y tế tiêm cho trẻ\"></figure>", "revision", number(piece(id).get("revision"))))));
        approve(id);
        // on its way to the portal: the Facebook post becomes a link to the portal page, with its card
        api.call(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", id, "channelIds", List.of("eportal"),
                "plannedAt", inTwoDays()))));

        Browser editor = loggedIn("bien-tap");
        Document page = Jsoup.parse(editor.get("/pieces/" + id).body());
        List<Element> pictures = page.select(".previews img");
        assertTrue(pictures.size() >= 4, "the portal, WordPress, Facebook's card and Zalo all show pictures: " + pictures);
        for (Element picture : pictures) {
            String src = picture.attr("src");
            assertTrue(src.startsWith("/media/files/"), "a picture the editor can open before publication: " + src);
            var served = editor.get(src);
            assertEquals(200, served.statusCode(), src);
            assertEquals("image/png", served.headers().firstValue("content-type").orElseThrow(), src);
        }
        Element card = page.selectFirst(".type-facebook_page .link-card");
        assertTrue(card != null && card.text().contains("Tiêm chủng mở rộng tháng này"), page.select(".type-facebook_page").html());
        assertTrue(card.selectFirst("img").attr("src").startsWith("/media/files/"), card.html());
        assertEquals("Fanpage Xã Hòa An", page.selectFirst(".type-facebook_page .fb-page strong").text());
    }

    @Test
    void zaloWithoutACoverIsRefusedAtSchedulingAndThePreviewSaysTheSame() {
        long id = number(anArticle("Thông báo thu gom rác", "Lịch mới từ tháng sau", null).get("id"));
        approve(id);
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", id,
                "channelIds", List.of("zalo"), "plannedAt", inTwoDays()))), HttpStatus.CONFLICT);
        assertEquals("zalo-cover-required", problem.get("code"), problem.toString());
        String reason = String.valueOf(problem.get("detail"));
        assertTrue(reason.startsWith("Kênh «Zalo OA Xã Hòa An»: Zalo OA bắt buộc mỗi bài có ảnh bìa"), reason);

        Browser editor = loggedIn("bien-tap");
        Document page = Jsoup.parse(editor.get("/pieces/" + id).body());
        assertEquals(reason, page.selectFirst(".type-zalo_oa .unmet li").text());

        String token = Browser.csrfTokenOf(editor.get("/pieces/" + id).body());
        var fromThePage = editor.post("/publications", Map.of("pieceId", String.valueOf(id), "channelIds", "zalo",
                "plannedAt", java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).plusDays(2).withSecond(0).withNano(0)
                        .toString(), "csrfToken", token));
        assertEquals(400, fromThePage.statusCode(), "the piece's page is drawn again with the reason");
        assertTrue(Jsoup.parse(fromThePage.body()).select(".flash.error").text().contains("Zalo OA bắt buộc"));

        attach(id, "COVER", "bia-rac.png", null);
        approve(id);
        assertTrue(Jsoup.parse(editor.get("/pieces/" + id).body()).select(".type-zalo_oa .unmet").isEmpty());
        api.call(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", id, "channelIds", List.of("zalo"),
                "plannedAt", inTwoDays()))));
    }

    @Test
    void aFacebookTextOverThePagesLimitIsRefusedNotCut() {
        String longText = "Người dân cần biết. ".repeat(3200);
        long id = number(anArticle("Bài quá dài cho Facebook", "Tóm tắt", Map.of("facebook", Map.of("text", longText))).get("id"));
        approve(id);
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", id,
                "channelIds", List.of("facebook"), "plannedAt", inTwoDays()))), HttpStatus.CONFLICT);
        assertEquals("facebook-text-too-long", problem.get("code"), problem.toString());
        String reason = String.valueOf(problem.get("detail"));
        assertTrue(reason.contains("Kênh «Fanpage Xã Hòa An»") && reason.contains("tối đa 63206 ký tự"), reason);
        Document page = Jsoup.parse(loggedIn("bien-tap").get("/pieces/" + id).body());
        assertEquals(reason, page.selectFirst(".type-facebook_page .unmet li").text());

        long fits = number(anArticle("Bài vừa đủ cho Facebook", "Tóm tắt", Map.of("facebook", Map.of("text", "Ngắn gọn."))).get("id"));
        approve(fits);
        api.call(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", fits, "channelIds", List.of("facebook"),
                "plannedAt", inTwoDays()))));
    }

    @Test
    void theRadioPreviewPlaysTheSpeechAndThenTheRecordingWithItsReadTime() throws Exception {
        Map<String, Object> radio = api.call(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "RADIO_SCRIPT",
                "title", "Thông báo lịch tiêm phòng dại", "script", "Xin thông báo tới bà con lịch tiêm phòng dại cho chó mèo."))));
        long id = number(radio.get("id"));
        Browser editor = loggedIn("bien-tap");
        Document page = Jsoup.parse(editor.get("/pieces/" + id).body());
        Element player = page.selectFirst(".type-loudspeaker audio");
        assertEquals("/pieces/" + id + "/listen/loudspeaker", player.attr("src"));
        assertFalse(page.selectFirst(".type-loudspeaker .duration").text().isBlank());
        var spoken = editor.get(player.attr("src"));
        assertEquals(200, spoken.statusCode(), spoken.body());
        assertTrue(spoken.headers().firstValue("content-type").orElseThrow().startsWith("audio/"), spoken.headers().toString());

        byte[] wav = aWav();
        api.call(asEditor(HttpRequest.POST("/api/pieces/" + id + "/assets", MultipartBody.builder()
                .addPart("file", "ban-ghi.wav", MediaType.of("audio/wav"), wav).addPart("role", "AUDIO").build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        var recorded = editor.get("/pieces/" + id + "/listen/loudspeaker");
        assertEquals(200, recorded.statusCode());
        assertEquals(String.valueOf(wav.length), recorded.headers().firstValue("content-length").orElseThrow(),
                "the recording itself is played");
    }

    @Test
    void theMediaLibraryListsSearchesWithoutDiacriticsReusesAndDescribes() {
        long scam = number(anArticle("Cảnh giác lừa đảo qua điện thoại", "Tóm tắt", null).get("id"));
        Map<String, Object> attached = attach(scam, "COVER", "canh-bao.png", "Người dân nghe cảnh báo");
        long assetId = number(asMap(attached.get("asset")).get("id"));

        List<Map<String, Object>> found = library("lua dao");
        Map<String, Object> entry = found.stream().filter(e -> number(e.get("assetId")) == assetId).findFirst().orElseThrow();
        assertEquals("Người dân nghe cảnh báo", entry.get("altText"));
        assertEquals("Cảnh giác lừa đảo qua điện thoại", asMap(((List<?>) entry.get("uses")).get(0)).get("title"));
        assertTrue(library("khong co tep nao nhu the").isEmpty());

        long other = number(anArticle("Hội nghị an ninh trật tự", "Tóm tắt", null).get("id"));
        int before = library("").size();
        Map<String, Object> reused = api.call(asEditor(HttpRequest.POST("/api/pieces/" + other + "/media",
                Map.of("mediaId", entry.get("id"), "role", "COVER"))));
        assertEquals(assetId, number(asMap(reused.get("piece")).get("coverAssetId")));
        assertEquals(before, library("").size(), "reused, not uploaded again");
        Map<String, Object> twice = api.call(asEditor(HttpRequest.GET("/api/media/" + entry.get("id"))));
        assertEquals(2, ((List<?>) twice.get("uses")).size(), twice.toString());

        Browser editor = loggedIn("bien-tap");
        Document media = Jsoup.parse(editor.get("/media?text=lua+dao").body());
        Element item = media.getElementById("media-" + entry.get("id"));
        assertTrue(item != null && item.text().contains("Hội nghị an ninh trật tự"), media.body().html());
        assertTrue(item.text().contains("2 tin, bài đang dùng ảnh vẫn giữ mô tả riêng"), item.text());
        assertEquals(200, editor.get(item.selectFirst("img").attr("src")).statusCode());

        String token = Browser.csrfTokenOf(media.outerHtml());
        var described = editor.post("/media/" + entry.get("id"), Map.of("altText", "Cán bộ xã nói về lừa đảo", "csrfToken", token));
        assertEquals(303, described.statusCode(), described.body());
        assertEquals("Cán bộ xã nói về lừa đảo", api.call(asEditor(HttpRequest.GET("/api/media/" + entry.get("id")))).get("altText"));
        Map<String, Object> viaApi = api.call(asEditor(HttpRequest.PUT("/api/media/" + entry.get("id"),
                Map.of("altText", "Cán bộ xã cảnh báo người dân"))));
        assertEquals("Cán bộ xã cảnh báo người dân", viaApi.get("altText"));
    }

    @Test
    void anotherUnitsFilesAreNotFound() {
        long id = number(anArticle("Bài riêng của xã Hòa An", "Tóm tắt", null).get("id"));
        Map<String, Object> attached = attach(id, "COVER", "bia-rieng.png", null);
        String sha = String.valueOf(asMap(attached.get("asset")).get("sha256"));
        Map<String, Object> entry = library("").stream()
                .filter(e -> e.get("assetId").equals(asMap(attached.get("asset")).get("id"))).findFirst().orElseThrow();

        api.refused(HttpRequest.GET("/api/media/" + entry.get("id")).basicAuth(OTHER_EDITOR, TestUsers.PASSWORD), HttpStatus.NOT_FOUND);
        api.refused(HttpRequest.PUT("/api/media/" + entry.get("id"), Map.of("altText", "Sửa trộm"))
                .basicAuth(OTHER_EDITOR, TestUsers.PASSWORD), HttpStatus.NOT_FOUND);
        Map<String, Object> theirs = api.call(HttpRequest.GET("/api/media").basicAuth(OTHER_EDITOR, TestUsers.PASSWORD));
        assertFalse(String.valueOf(theirs).contains(sha), theirs.toString());
        Map<String, Object> ownPiece = api.call(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE",
                "title", "Bài của xã Bên Kia", "body", "<p>Nội dung</p>")).basicAuth(OTHER_EDITOR, TestUsers.PASSWORD));
        api.refused(HttpRequest.POST("/api/pieces/" + ownPiece.get("id") + "/media", Map.of("mediaId", entry.get("id"),
                "role", "COVER")).basicAuth(OTHER_EDITOR, TestUsers.PASSWORD), HttpStatus.NOT_FOUND);

        Browser stranger = loggedIn(OTHER_EDITOR);
        assertEquals(404, stranger.get("/media/files/" + sha).statusCode());
        assertFalse(stranger.get("/media").body().contains(sha));
        assertEquals(200, loggedIn("bien-tap").get("/media/files/" + sha).statusCode());
    }

    // --- helpers

    private Map<String, Object> anArticle(String title, String summary, Map<String, Object> variants) {
        Map<String, Object> form = new java.util.HashMap<>(Map.of("kind", "ARTICLE", "title", title, "summary", summary,
                "body", "<p>Nội dung của " + title + ".</p>"));
        if (variants != null) {
            form.put("variants", variants);
        }
        return api.call(asEditor(HttpRequest.POST("/api/pieces", form)));
    }

    private void approve(long id) {
        api.call(asEditor(HttpRequest.POST("/api/pieces/" + id + "/submit", Map.of())));
        api.call(asApprover(HttpRequest.POST("/api/pieces/" + id + "/approve", Map.of("revision", number(piece(id).get("revision"))))));
    }

    private Map<String, Object> attach(long id, String role, String name, String altText) {
        MultipartBody.Builder body = MultipartBody.builder().addPart("file", name, MediaType.IMAGE_PNG_TYPE, aPng())
                .addPart("role", role);
        if (altText != null) {
            body.addPart("altText", altText);
        }
        return api.call(asEditor(HttpRequest.POST("/api/pieces/" + id + "/assets", body.build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
    }

    private Map<String, Object> piece(long id) {
        return api.call(asEditor(HttpRequest.GET("/api/pieces/" + id)));
    }

    private List<Map<String, Object>> library(String text) {
        Map<String, Object> list = api.call(asEditor(HttpRequest.GET("/api/media?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8))));
        return ((List<?>) list.get("items")).stream().map(PreviewsAndMediaContract::asMap).toList();
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser(server.getURI());
        browser.logIn(username, TestUsers.PASSWORD);
        return browser;
    }

    private static String inTwoDays() {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(Duration.ofDays(2)).withNano(0).toString();
    }

    /** A small PNG of its own colour each time, so every upload is a new stored file. */
    private static byte[] aPng() {
        BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
        int colour = COLOURS.incrementAndGet() * 7919 + (int) (System.nanoTime() & 0xff);
        image.setRGB(0, 0, new Color(colour & 0xffffff).getRGB());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Half a second of silence, as a WAV file. */
    private static byte[] aWav() throws IOException {
        javax.sound.sampled.AudioFormat format = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, false);
        byte[] samples = new byte[8000];
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
             javax.sound.sampled.AudioInputStream in = new javax.sound.sampled.AudioInputStream(
                     new java.io.ByteArrayInputStream(samples), format, samples.length / 2)) {
            javax.sound.sampled.AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
