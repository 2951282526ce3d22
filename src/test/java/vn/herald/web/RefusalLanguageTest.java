package vn.herald.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.TestUsers.asEditor;

/**
 * A refused request answers problem+json with its stable code and the request's field names, and with the title and
 * texts in Vietnamese; in English only when the client's Accept-Language prefers it. Times in a refusal are the unit's
 * wall clock as dd/MM/yyyy HH:mm and channels go by their names.
 */
@MicronautTest(transactional = false)
class RefusalLanguageTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Inject @Client("/") HttpClient http;
    @Inject Accounts accounts;
    @Inject JsonMapper json;

    private JsonCalls api;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        api = new JsonCalls(http, json);
    }

    private static <T> MutableHttpRequest<T> inEnglish(MutableHttpRequest<T> request) {
        return request.header("Accept-Language", "en-GB,en;q=0.9,vi;q=0.5");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> messagesByField(Map<String, Object> problem) {
        return ((List<Map<String, String>>) problem.get("errors")).stream()
                .collect(Collectors.toMap(e -> e.get("field"), e -> e.get("message")));
    }

    @Test
    void aMissingPieceIsNamedInVietnameseAndInEnglishWhenAsked() {
        Map<String, Object> vi = api.refused(asEditor(HttpRequest.GET("/api/pieces/987654321")), HttpStatus.NOT_FOUND);
        assertEquals("not-found", vi.get("code"));
        assertEquals("Không tìm thấy", vi.get("title"));
        assertEquals("Không tìm thấy tin, bài 987654321.", vi.get("detail"));

        Map<String, Object> en = api.refused(inEnglish(asEditor(HttpRequest.GET("/api/pieces/987654321"))), HttpStatus.NOT_FOUND);
        assertEquals("not-found", en.get("code"));
        assertEquals("Not found", en.get("title"));
        assertEquals("No piece 987654321 was found.", en.get("detail"));
    }

    @Test
    void anInvalidUnitKeepsItsFieldNamesAndSaysWhatIsWrongInEitherLanguage() {
        Map<String, Object> form = Map.of("code", "x y", "name", "", "zone", "Mars/Olympus");
        Map<String, Object> vi = api.refused(asAdmin(HttpRequest.POST("/api/units", form)), HttpStatus.BAD_REQUEST);
        assertEquals("unit-invalid", vi.get("code"));
        assertEquals("Yêu cầu không hợp lệ", vi.get("title"));
        Map<String, String> said = messagesByField(vi);
        assertEquals("Hãy nhập tên đơn vị.", said.get("name"));
        assertEquals("“Mars/Olympus” không phải múi giờ; ví dụ Asia/Ho_Chi_Minh.", said.get("zone"));
        assertTrue(said.get("code").startsWith("Mã đơn vị gồm 2–64 chữ thường"), said::toString);

        Map<String, Object> en = api.refused(inEnglish(asAdmin(HttpRequest.POST("/api/units", form))), HttpStatus.BAD_REQUEST);
        assertEquals("unit-invalid", en.get("code"));
        assertEquals("Bad request", en.get("title"));
        assertEquals("Enter the unit's name.", messagesByField(en).get("name"));
        assertEquals(said.keySet(), messagesByField(en).keySet());
    }

    @Test
    void editingAnOldRevisionIsAConflictNamingBothRevisions() {
        Object id = api.call(asEditor(HttpRequest.POST("/api/pieces", Map.of("kind", "ARTICLE", "title", "Lịch tiếp dân",
                "body", "<p>Nội dung</p>")))).get("id");
        api.call(asEditor(HttpRequest.PUT("/api/pieces/" + id, Map.of("title", "Lịch tiếp dân tháng 6", "revision", 1))));

        Map<String, Object> vi = api.refused(asEditor(HttpRequest.PUT("/api/pieces/" + id,
                Map.of("title", "Từ bản cũ", "revision", 1))), HttpStatus.CONFLICT);
        assertEquals("piece-revision-stale", vi.get("code"));
        assertEquals("Xung đột", vi.get("title"));
        assertEquals("Tin, bài " + id + " đã ở bản số 2 nhưng bạn sửa bản số 1: hãy tải lại rồi sửa lại.", vi.get("detail"));

        Map<String, Object> en = api.refused(inEnglish(asEditor(HttpRequest.PUT("/api/pieces/" + id,
                Map.of("title", "Từ bản cũ", "revision", 1)))), HttpStatus.CONFLICT);
        assertEquals("Piece " + id + " is at revision 2 but you edited revision 1: reload it and apply your change again.",
                en.get("detail"));
    }

    @Test
    void aTimePastTheChannelsDeadlineIsShownOnTheUnitsClockWithTheChannelsName() {
        List<?> approved = (List<?>) api.call(asEditor(HttpRequest.GET("/api/pieces?status=APPROVED&kind=ARTICLE&size=1"))).get("items");
        Object pieceId = ((Map<?, ?>) approved.get(0)).get("id");
        ZonedDateTime planned = ZonedDateTime.now(HANOI).minusDays(3).withHour(7).withMinute(30).withSecond(0).withNano(0);

        Map<String, Object> problem = api.refused(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", pieceId,
                "channelIds", List.of("facebook"), "plannedAt", planned.toOffsetDateTime().toString()))), HttpStatus.BAD_REQUEST);

        assertEquals("past-deadline", problem.get("code"));
        String detail = String.valueOf(problem.get("detail"));
        assertTrue(detail.startsWith("Giờ đăng " + planned.format(DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"))
                + " đã quá hạn chót "), detail);
        assertTrue(detail.endsWith("của kênh Fanpage Xã Hòa An."), detail);
        assertFalse(detail.matches(".*\\d{4}-\\d\\d-\\d\\dT.*"), "no instant a person cannot read: " + detail);
        assertEquals(detail, messagesByField(problem).get("plannedAt"));
    }

    @Test
    void whatMicronautRefusesItselfIsInTheClientsLanguageToo() {
        Map<String, Object> vi = api.refused(asEditor(HttpRequest.GET("/api/publications?status=BOGUS")), HttpStatus.BAD_REQUEST);
        assertEquals("invalid", vi.get("code"));
        assertTrue(String.valueOf(vi.get("detail")).startsWith("Yêu cầu có chỗ không hợp lệ: status: “BOGUS” không hợp lệ"), vi::toString);

        Map<String, Object> en = api.refused(inEnglish(asEditor(HttpRequest.GET("/api/publications?status=BOGUS"))),
                HttpStatus.BAD_REQUEST);
        assertEquals("invalid", en.get("code"));
        assertEquals("Bad request", en.get("title"));
        assertEquals("“BOGUS” is not valid: must be one of SCHEDULED, SENDING, PUBLISHED, RETRY_WAIT, NEEDS_ATTENTION, "
                + "UNKNOWN, EXPIRED, CANCELLED", messagesByField(en).get("status"));
    }
}
