package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import io.micronaut.transaction.TransactionOperations;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.calendar.Calendar;
import vn.herald.content.PieceKind;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A piece written, reviewed, scheduled, moved and dry-run through the pages: its page and its publication's page tell
 * the story in Vietnamese sentences, people by name, Herald as "Hệ thống Herald", times in the unit's zone.
 */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
class TrailPagesTest {

    /** A UTC instant as Java writes it: never on a page. */
    private static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(\\.\\d+)?Z");
    /** The codes the API keeps and the pages must say in words. */
    private static final Pattern CODE = Pattern.compile("\\b(DRAFT|IN_REVIEW|APPROVED|ARCHIVED|SCHEDULED|SENDING|PUBLISHED|"
            + "RETRY_WAIT|RETRY_LATER|NEEDS_ATTENTION|UNKNOWN|EXPIRED|CANCELLED|DRY_RUN|SENT|PERMANENT|FACEBOOK_PAGE|"
            + "ZALO_OA|EPORTAL|LOUDSPEAKER|dispatcher|dry-run)\\b");

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject TestClock clock;
    @Inject Units units;
    @Inject Calendar calendar;
    @Inject TransactionOperations<Connection> transactions;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
        clock.set(Instant.parse("2027-05-17T01:00:00Z"));
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser(server.getURI());
        browser.logIn(username, TestUsers.PASSWORD);
        return browser;
    }

    /** The text a person reads on the page (no attribute values, no markup). */
    private static String readable(HttpResponse<String> page) {
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body()).body().text();
    }

    private static void speaksOnlyVietnamese(String text) {
        assertFalse(UTC_INSTANT.matcher(text).find(), "a UTC instant on the page: " + text);
        var code = CODE.matcher(text);
        assertFalse(code.find(), "an English code on the page (" + (code.hitEnd() ? "" : code.group()) + "): " + text);
    }

    @Test
    void thePiecesAndThePublicationsTrailsAreToldInVietnamese() {
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), units.zoneOf(units.ownUnitCode()));
        Browser editor = loggedIn("bien-tap");
        String token = Browser.csrfTokenOf(editor.get("/pieces/new").body());
        HttpResponse<String> created = editor.post("/pieces", Map.of("kind", "ARTICLE", "title", "Lịch tiêm chủng tháng 5",
                "summary", "Trạm y tế xã tiêm chủng cho trẻ em.", "body", "<p>Trạm y tế xã tổ chức tiêm chủng.</p>",
                "csrfToken", token));
        assertEquals(303, created.statusCode(), created.body());
        String piecePath = created.headers().firstValue("Location").orElseThrow().replaceAll("\\?.*", "");
        long pieceId = Long.parseLong(piecePath.substring(piecePath.lastIndexOf('/') + 1));
        assertEquals(303, editor.post(piecePath + "/submit", Map.of("csrfToken", token)).statusCode());

        Browser approver = loggedIn("duyet");
        String approverToken = Browser.csrfTokenOf(approver.get(piecePath).body());
        assertEquals(303, approver.post(piecePath + "/approve", Map.of("revision", "1", "csrfToken", approverToken)).statusCode());

        HttpResponse<String> scheduled = editor.post("/publications", Map.of("pieceId", Long.toString(pieceId),
                "channelIds", "facebook", "plannedAt", "2027-05-18T07:30", "csrfToken", token));
        assertEquals("/publications?ok=scheduled", scheduled.headers().firstValue("Location").orElseThrow());
        Publication publication = publishing.list(new Publishing.Filter(null, null, pieceId, null, null),
                io.micronaut.data.model.Pageable.from(0, 10)).getContent().get(0);
        assertEquals(303, editor.post("/publications/" + publication.id() + "/reschedule",
                Map.of("plannedAt", "2027-05-19T09:00", "csrfToken", token)).statusCode());

        clock.set(Instant.parse("2027-05-19T02:00:00Z"));
        dispatcher.dispatch(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status(), "a dry run ends as published");
        // two days on, the login of Monday has expired
        editor = loggedIn("bien-tap");

        String piecePage = readable(editor.get(piecePath));
        for (String line : List.of("17/05/2027 08:00 Nguyễn Thị Biên Tập Tạo bản nháp Bản nháp",
                "17/05/2027 08:00 Nguyễn Thị Biên Tập Gửi duyệt Chờ duyệt",
                "17/05/2027 08:00 Trần Văn Duyệt Duyệt bản số 1 Đã duyệt",
                "Fanpage Xã Hòa An · 19/05/2027 09:00 · Chạy thử xong (không gửi)",
                "Phiên bản 1, Nguyễn Thị Biên Tập, 17/05/2027 08:00")) {
            assertTrue(piecePage.contains(line), "the piece page says \"" + line + "\": " + piecePage);
        }
        speaksOnlyVietnamese(piecePage);

        String publicationPage = readable(editor.get("/publications/" + publication.id()));
        for (String line : List.of("17/05/2027 08:00 Nguyễn Thị Biên Tập Lên lịch đăng lúc 18/05/2027 07:30 trên Fanpage Xã Hòa An Đã lên lịch",
                "17/05/2027 08:00 Nguyễn Thị Biên Tập Dời từ 18/05/2027 07:30 sang 19/05/2027 09:00 Đã lên lịch",
                "19/05/2027 09:00 Hệ thống Herald Bắt đầu gửi lần thứ 1 Đang gửi",
                "19/05/2027 09:00 Hệ thống Herald Chạy thử: không gửi thật; yêu cầu lẽ ra được gửi đã được lưu lại Chạy thử xong (không gửi)",
                "1 19/05/2027 09:00 19/05/2027 09:00 Chạy thử (không gửi thật)")) {
            assertTrue(publicationPage.contains(line), "the publication page says \"" + line + "\": " + publicationPage);
        }
        speaksOnlyVietnamese(publicationPage.substring(0, publicationPage.indexOf("Yêu cầu sẽ được gửi đi"))
                + publicationPage.substring(publicationPage.indexOf("Các lần gửi")));

        String list = readable(editor.get("/publications"));
        assertTrue(list.contains("19/05/2027 09:00 Lịch tiêm chủng tháng 5 Fanpage Xã Hòa An"), list);
        speaksOnlyVietnamese(list);
    }

    @Test
    void theApiKeepsTheCodesAndTheirValues() {
        Publication publication = publishing.schedule(anApprovedArticle(), List.of("facebook"),
                Instant.parse("2027-05-18T00:30:00Z"), "bien-tap").get(0);
        publishing.reschedule(publication.id(), Instant.parse("2027-05-19T02:00:00Z"), "bien-tap");
        var events = publishing.events(publication.id());
        assertEquals("scheduled", events.get(0).code());
        assertEquals(Map.of("at", "2027-05-18T00:30:00Z"), events.get(0).data());
        assertEquals("moved", events.get(1).code());
        assertEquals(Map.of("from", "2027-05-18T00:30:00Z", "to", "2027-05-19T02:00:00Z"), events.get(1).data());
        HttpResponse<String> json = loggedIn("bien-tap").api("GET", "/api/publications/" + publication.id(), null);
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.body().contains("\"code\":\"moved\""), json.body());
        assertTrue(json.body().contains("\"status\":\"SCHEDULED\""), json.body());
    }

    @Test
    void aFailedAttemptIsExplainedWithoutTheServersPathsOrJavasWords() {
        Publication publication = publishing.schedule(anApprovedArticle(), List.of("facebook"),
                Instant.parse("2027-05-17T02:00:00Z"), "bien-tap").get(0);
        String missing = "java.io.FileNotFoundException: /srv/herald/data/assets/ab/cd.png (No such file or directory)";
        sql("insert into publication_attempt (publication_id, number, node, started_at, finished_at, outcome, detail) "
                + "values (?, 1, 'herald-1', ?, ?, 'RETRY_LATER', ?)", publication.id(),
                at("2027-05-17T02:00:00Z"), at("2027-05-17T02:00:05Z"), missing);
        sql("insert into publication_event (publication_id, from_status, to_status, actor, reason, created_at, code, data) "
                + "values (?, 'SENDING', 'RETRY_WAIT', 'dispatcher', 'java.net.SocketTimeoutException: timeout', ?, "
                + "'retry-wait', '{\"at\":\"2027-05-17T02:30:00Z\"}')", publication.id(), at("2027-05-17T02:00:05Z"));
        // a row from before the codes: its English reason is not shown, the move between statuses is
        sql("insert into publication_event (publication_id, from_status, to_status, actor, reason, created_at) values "
                + "(?, 'RETRY_WAIT', 'SCHEDULED', 'bien-tap', 'moved from 2027-05-17T02:30:00Z to 2027-05-17T03:00:00Z', ?)",
                publication.id(), at("2027-05-17T02:00:06Z"));
        sql("update publication set last_error = ?, warning = ? where id = ?", missing, "Không tạo được âm thanh (không lưu "
                + "được âm thanh vào ./data/speech-cache: ./data/speech-cache/4f2a.part (No such file or directory))",
                publication.id());

        String page = readable(loggedIn("bien-tap").get("/publications/" + publication.id()));
        for (String line : List.of("17/05/2027 09:00 Hệ thống Herald Chưa gửi được, sẽ thử lại lúc 17/05/2027 09:30: "
                        + "Nền tảng không trả lời kịp (quá thời gian chờ).",
                "1 17/05/2027 09:00 17/05/2027 09:00 Lỗi tạm thời, sẽ thử lại Một tệp cần cho lần đăng không còn trên máy chủ",
                "Lỗi kỹ thuật gần nhất: Một tệp cần cho lần đăng không còn trên máy chủ",
                "Lưu ý: Không tạo được âm thanh: không lưu được âm thanh giọng đọc tự động trên máy chủ.",
                "17/05/2027 09:00 Nguyễn Thị Biên Tập Chuyển từ Chờ thử lại sang Đã lên lịch Đã lên lịch")) {
            assertTrue(page.contains(line), "the page says \"" + line + "\": " + page);
        }
        for (String leak : List.of("/srv", "./data", "speech-cache", "Exception", "No such file", "timeout", "moved from")) {
            assertFalse(page.contains(leak), "the page shows \"" + leak + "\": " + page);
        }
    }

    private void sql(String statement, Object... values) {
        transactions.executeWrite(status -> {
            try (PreparedStatement prepared = status.getConnection().prepareStatement(statement)) {
                for (int i = 0; i < values.length; i++) {
                    prepared.setObject(i + 1, values[i]);
                }
                return prepared.executeUpdate();
            }
        });
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }

    private long anApprovedArticle() {
        return calendar.backlog(units.ownUnitCode()).stream().filter(b -> b.kind() == PieceKind.ARTICLE)
                .findFirst().orElseThrow(() -> new AssertionError("the sample library has no approved article left")).pieceId();
    }
}
