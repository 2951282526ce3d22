package vn.herald.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.TestUsers.asApprover;
import static vn.herald.TestUsers.asEditor;

/** The REST API as a client sees it: authentication, roles, JSON shapes and every error as problem+json. */
@MicronautTest(transactional = false)
class ApiTest {

    @Inject @Client("/") HttpClient http;
    @Inject Accounts accounts;
    @Inject JsonMapper json;

    private JsonCalls api;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        api = new JsonCalls(http, json);
    }

    private Map<String, Object> anArticle(String title) {
        return api.call(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE", "title", title,
                "body", "<p>Nội dung</p>", "topics", List.of("Chuyển đổi số")))));
    }

    @Test
    void healthAnswersUpWithoutLoginAndShowsTheDatabaseCheckToAdminsOnly() {
        Map<String, Object> anonymous = api.call(HttpRequest.GET("/health"));
        assertEquals("UP", anonymous.get("status"));
        assertFalse(anonymous.containsKey("details"), "no internals for anonymous callers: " + anonymous);

        Map<String, Object> editor = api.call(asEditor(HttpRequest.GET("/health")));
        assertFalse(editor.containsKey("details"), "no internals for editors either: " + editor);
        Map<String, Object> health = api.call(asAdmin(HttpRequest.GET("/health")));
        assertTrue(String.valueOf(health.get("details")).contains("jdbc"), health.toString());
    }

    @Test
    void theApiNeedsALoginAndAGoodPassword() {
        api.refused(HttpRequest.GET("/api/pieces"), HttpStatus.UNAUTHORIZED);
        api.refused(HttpRequest.GET("/api/pieces").basicAuth("bien-tap", "wrong-password"), HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theSeedLibraryIsInTheListWithItsTotal() {
        Map<String, Object> list = api.call(asEditor(HttpRequest.GET("/api/pieces?status=APPROVED&size=5")));
        assertEquals(5, ((List<?>) list.get("items")).size());
        assertTrue(((Number) list.get("total")).intValue() >= 15, list.get("total").toString());
    }

    @Test
    void theListQueryFindsVietnameseTypedWithoutDiacriticsAndKeepsItsSearchColumnToItself() {
        Object id = anArticle("Cảnh giác lừa đảo ở bản Sà Phìn").get("id");
        Map<String, Object> list = api.call(asEditor(HttpRequest.GET("/api/pieces?text=sa%20phin%20lua%20dao")));
        List<?> items = (List<?>) list.get("items");
        assertEquals(List.of(id), items.stream().map(item -> ((Map<?, ?>) item).get("id")).toList());
        assertFalse(((Map<?, ?>) items.get(0)).containsKey("searchText"), items.get(0).toString());
    }

    @Test
    void onlyApproversApproveAndOnlyEditorsWrite() {
        Map<String, Object> piece = anArticle("Bình dân học vụ số cho người cao tuổi");
        Object id = piece.get("id");
        assertEquals("DRAFT", piece.get("status"));
        api.call(asEditor(HttpRequest.POST("/api/pieces/" + id + "/submit", "")));

        api.refused(asEditor(HttpRequest.POST("/api/pieces/" + id + "/approve", "")), HttpStatus.FORBIDDEN);
        api.refused(asApprover(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE", "title", "x"))), HttpStatus.FORBIDDEN);

        assertEquals("APPROVED", api.call(asApprover(HttpRequest.POST("/api/pieces/" + id + "/approve",
                Map.of("revision", piece.get("revision"))))).get("status"));
    }

    @Test
    void hostileHtmlIsCleanedBeforeItIsStored() {
        Map<String, Object> piece = api.call(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE",
                "title", "Tin có mã độc", "body", "<p onclick=\"steal()\">Xin chào</p><script>alert(1)</script>"
                        + "<a href=\"javascript:alert(1)\">bấm</a><iframe src=\"https://x\"></iframe>"))));
        String body = (String) piece.get("body");
        assertTrue(body.contains("Xin chào"), body);
        for (String hostile : List.of("script", "onclick", "javascript:", "iframe")) {
            assertFalse(body.contains(hostile), hostile + " left in " + body);
        }
    }

    @Test
    void thePlainTextKeepsParagraphsAndListItems() {
        Object id = api.call(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE", "title", "Ba bước",
                "body", "<p>Bà con lưu ý:</p><ul><li>Tải ứng dụng</li><li>Đăng ký</li></ul><p>Xin cảm ơn.</p>")))).get("id");
        String text = http.toBlocking().retrieve(asEditor(HttpRequest.GET("/api/pieces/" + id + "/text")));
        assertEquals("Bà con lưu ý:\n\n- Tải ứng dụng\n- Đăng ký\n\nXin cảm ơn.", text);
    }

    @Test
    void anInvalidPieceNamesEachWrongField() {
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE",
                "title", " ", "variants", Map.of("zalo", Map.of("title", "T".repeat(151)))))), HttpStatus.BAD_REQUEST);
        String errors = String.valueOf(problem.get("errors"));
        assertTrue(errors.contains("title") && errors.contains("variants.zalo.title"), errors);
    }

    @Test
    void malformedJsonAndUnknownValuesAreBadRequestsNotServerErrors() {
        api.refused(asEditor(HttpRequest.POST("/api/pieces", "{\"kind\": \"ARTICLE\", \"title\": ").contentType(MediaType.APPLICATION_JSON)),
                HttpStatus.BAD_REQUEST);
        api.refused(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICEL", "title", "x"))), HttpStatus.BAD_REQUEST);
        api.refused(asEditor(HttpRequest.GET("/api/pieces?kind=PODCAST")), HttpStatus.BAD_REQUEST);
        api.refused(asEditor(HttpRequest.GET("/api/pieces?size=100000")), HttpStatus.BAD_REQUEST);
        api.refused(asEditor(HttpRequest.GET("/api/pieces/abc")), HttpStatus.BAD_REQUEST);
    }

    @Test
    void aBodyOfTheWrongTypeIsUnsupportedAndAnOversizedOneTooLarge() {
        api.refused(asEditor(HttpRequest.POST("/api/pieces", "title=x").contentType(MediaType.TEXT_PLAIN)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        byte[] huge = new byte[61 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        api.refused(asEditor(HttpRequest.POST("/api/pieces", huge).contentType(MediaType.APPLICATION_JSON)),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void aMissingPieceIsNotFound() {
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.GET("/api/pieces/987654321")), HttpStatus.NOT_FOUND);
        assertTrue(String.valueOf(problem.get("detail")).contains("987654321"), problem.toString());
    }

    @Test
    void savingOverANewerRevisionIsAConflict() {
        Map<String, Object> piece = anArticle("Dịch vụ công trực tuyến");
        Object id = piece.get("id");
        api.call(asEditor(HttpRequest.PUT("/api/pieces/" + id, Map.of("title", "Sửa lần một", "revision", 1))));
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.PUT("/api/pieces/" + id,
                Map.of("title", "Sửa từ bản cũ", "revision", 1))), HttpStatus.CONFLICT);
        assertTrue(String.valueOf(problem.get("detail")).contains("đã ở bản số 2"), problem.toString());
        List<?> revisions = (List<?>) api.call(asEditor(HttpRequest.GET("/api/pieces/" + id + "/revisions"))).get("items");
        assertEquals(2, revisions.size());
    }

    @Test
    void anImageIsCheckedByItsBytesStoredByHashAndServedPublicly() {
        Object id = anArticle("Bài có ảnh bìa").get("id");
        byte[] png = aPng();
        Map<String, Object> attached = api.call(asEditor(HttpRequest.POST("/api/pieces/" + id + "/assets",
                MultipartBody.builder().addPart("file", "anh-bia.mp3", MediaType.APPLICATION_OCTET_STREAM_TYPE, png)
                        .addPart("role", "COVER").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)));
        @SuppressWarnings("unchecked")
        Map<String, Object> asset = (Map<String, Object>) attached.get("asset");
        assertEquals("image/png", asset.get("mediaType"));
        @SuppressWarnings("unchecked")
        Map<String, Object> piece = (Map<String, Object>) attached.get("piece");
        assertEquals(asset.get("id"), piece.get("coverAssetId"));

        HttpResponse<byte[]> served = http.toBlocking().exchange(HttpRequest.GET("/assets/" + asset.get("sha256")), byte[].class);
        assertEquals("image/png", served.getContentType().orElseThrow().toString());
        assertEquals(png.length, served.body().length);
    }

    @Test
    void aTextFileNamedPngIsRefusedAsUnsupported() {
        Object id = anArticle("Bài có tệp giả").get("id");
        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/pieces/" + id + "/assets",
                MultipartBody.builder().addPart("file", "anh.png", MediaType.IMAGE_PNG_TYPE, "không phải ảnh".getBytes())
                        .addPart("role", "COVER").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertTrue(String.valueOf(problem.get("detail")).contains("anh.png"), problem.toString());
    }

    @Test
    void anImageOverTenMegabytesIsTooLarge() {
        Object id = anArticle("Bài có ảnh quá lớn").get("id");
        byte[] png = aPng();
        byte[] big = java.util.Arrays.copyOf(png, 11 * 1024 * 1024);
        api.refused(asEditor(HttpRequest.POST("/api/pieces/" + id + "/assets",
                MultipartBody.builder().addPart("file", "lon.png", MediaType.IMAGE_PNG_TYPE, big)
                        .addPart("role", "COVER").build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)),
                HttpStatus.REQUEST_ENTITY_TOO_LARGE);
    }

    @Test
    void unitsAreListedForEveryoneAndCreatedByAdminsOnly() {
        List<?> units = (List<?>) api.call(asEditor(HttpRequest.GET("/api/units"))).get("items");
        assertTrue(String.valueOf(units).contains("xa-hoa-an"), units.toString());

        Map<String, Object> form = Map.of("code", "phuong-an-binh", "name", "Phường An Bình", "zone", "Asia/Ho_Chi_Minh",
                "parentCode", "xa-hoa-an");
        api.refused(asEditor(HttpRequest.POST("/api/units", form)), HttpStatus.FORBIDDEN);
        assertEquals("Phường An Bình", api.call(asAdmin(HttpRequest.POST("/api/units", form))).get("name"));
        Map<String, Object> problem = api.refused(asAdmin(HttpRequest.POST("/api/units", Map.of("code", "x y", "name", "",
                "zone", "Mars/Olympus"))), HttpStatus.BAD_REQUEST);
        assertEquals(3, ((List<?>) problem.get("errors")).size(), problem.toString());
    }

    @Test
    void adminsManageUsersAndPasswordsNeverLeave() {
        Map<String, Object> created = api.call(asAdmin(HttpRequest.POST("/api/users", Map.of("username", "lanh-dao",
                "displayName", "Lãnh đạo UBND", "password", "mat-khau-dai-du", "roles", List.of("APPROVER")))));
        assertEquals(List.of("APPROVER"), created.get("roles"));
        String list = http.toBlocking().retrieve(asAdmin(HttpRequest.GET("/api/users")));
        assertFalse(list.contains("password") || list.contains("$2a$"), list);
        api.refused(asEditor(HttpRequest.GET("/api/users")), HttpStatus.FORBIDDEN);
        assertEquals("lanh-dao", api.call(HttpRequest.GET("/api/users/me").basicAuth("lanh-dao", "mat-khau-dai-du")).get("username"));
    }

    @Test
    void onlyAdminsReRunTheImportAndReadItsReport() {
        api.refused(asEditor(HttpRequest.POST("/api/imports", "")), HttpStatus.FORBIDDEN);
        Map<String, Object> report = api.call(asAdmin(HttpRequest.POST("/api/imports", "")));
        assertEquals(0, ((Number) report.get("errors")).intValue(), String.valueOf(report.get("problems")));
        assertEquals(report.get("startedAt"), api.call(asAdmin(HttpRequest.GET("/api/imports/latest"))).get("startedAt"));
        // the library holds every unit's files: a commune's editor does not read the others' file names
        api.refused(asEditor(HttpRequest.GET("/api/imports/latest")), HttpStatus.FORBIDDEN);
    }

    @Test
    void theOpenApiDocumentAndSwaggerUiAreServed() {
        String spec = http.toBlocking().retrieve(HttpRequest.GET("/swagger/herald-0.1.yml"));
        assertTrue(spec.contains("/api/pieces"), spec.substring(0, Math.min(200, spec.length())));
        assertNotNull(http.toBlocking().retrieve(HttpRequest.GET("/swagger-ui/index.html")));
    }

    /** A real 1x1 PNG, built here so the test needs no file. */
    static byte[] aPng() {
        try {
            var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
            var out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
