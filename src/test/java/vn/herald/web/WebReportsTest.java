package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.calendar.Calendar;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reports page: a Decree 09 period picked as a month, six months or a year, the report read in the page, its Word
 * and CSV downloads, and for a province the overview of its communes.
 */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
@Property(name = "herald.campaign.sweep-enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebReportsTest {

    private static final String PROVINCE = "tinh-bao-cao";
    private static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Calendar calendar;
    @Inject Publishing publishing;
    @Inject Units units;
    @Inject Pieces pieces;
    @Inject TestClock clock;
    @Inject TransactionOperations<Connection> transactions;

    private String publishedTitle;

    @BeforeAll
    void aProvinceAndOnePublishedPost() {
        TestUsers.ensure(accounts);
        clock.set(Instant.parse("2027-05-17T01:00:00Z"));
        units.create(new Units.UnitForm(PROVINCE, "Tỉnh Báo Cáo", "Asia/Ho_Chi_Minh", null));
        units.update(units.ownUnitCode(), new Units.UnitForm(null, "Xã Hòa An", "Asia/Ho_Chi_Minh", PROVINCE));
        accounts.create(new Accounts.AccountForm("so-bao-cao", "Sở Văn hóa", TestUsers.PASSWORD, EnumSet.of(Role.EDITOR),
                PROVINCE, true));
        long piece = calendar.backlog(units.ownUnitCode()).stream().filter(b -> b.kind() == PieceKind.ARTICLE)
                .findFirst().orElseThrow().pieceId();
        Publication post = publishing.schedule(piece, List.of("facebook"), Instant.parse("2027-05-18T02:00:00Z"), "bien-tap").get(0);
        // sent on 18/05: in June's period (15/05 to 14/06), the first six months and the year, not in May's
        execute("update publication set status = 'PUBLISHED' where id = ?", post.id());
        publishedTitle = pieces.get(piece).title();
    }

    @BeforeEach
    void monday() {
        clock.set(Instant.parse("2027-05-17T01:00:00Z"));
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser(server.getURI());
        browser.logIn(username, TestUsers.PASSWORD);
        return browser;
    }

    private Document page(Browser browser, String path) {
        HttpResponse<String> page = browser.get(path);
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body());
    }

    @Test
    void thePeriodIsPickedAsAMonthSixMonthsOrAYear() {
        Document page = page(loggedIn("bien-tap"), "/reports");

        assertEquals(List.of("Tháng", "Sáu tháng", "Năm"), page.select("select[name=period] optgroup").eachAttr("label"));
        assertEquals("2027-06", page.selectFirst("select[name=period] option[selected]").val(),
                "by default the month due next: 15/05 to 14/06, due 15/06");
        assertTrue(page.text().contains("Tháng 6 năm 2027 (15/05/2027 – 14/06/2027)"), page.text());
        assertTrue(page.text().contains("6 tháng đầu năm 2027 (15/12/2026 – 14/06/2027)"), page.text());
    }

    @Test
    void aMonthSixMonthsAndAYearAreEachShownInThePage() {
        Browser editor = loggedIn("bien-tap");
        Document june = page(editor, "/reports?period=2027-06");
        assertTrue(june.text().contains("Báo cáo tháng 6 năm 2027: Xã Hòa An"), june.text());
        assertTrue(june.text().contains("Từ 15/05/2027 đến 14/06/2027, hạn nộp 15/06/2027"), june.text());
        assertEquals("1", june.select("dl.facts dd").first().text(), "the post of 18/05 counts in June's period");
        assertTrue(june.select("table").text().contains("Fanpage Xã Hòa An"), june.select("table").text());

        Document may = page(editor, "/reports?period=2027-05");
        assertEquals("0", may.select("dl.facts dd").first().text(), "18/05 is after May's period (to 14/05)");
        assertTrue(may.text().contains("Không có tin, bài nào được đăng, phát trong kỳ."), may.text());

        Document half = page(editor, "/reports?period=2027-H1");
        assertTrue(half.text().contains("Báo cáo 6 tháng đầu năm 2027: Xã Hòa An"), half.text());
        assertEquals("1", half.select("dl.facts dd").first().text());

        Document year = page(editor, "/reports?period=2027");
        assertTrue(year.text().contains("Báo cáo năm 2027: Xã Hòa An"), year.text());
        assertEquals("1", year.select("dl.facts dd").first().text());
        assertNull(year.getElementById("overview-h"), "a commune has no units below it");
    }

    @Test
    void theReportDownloadsAsWordAndCsv() {
        Browser editor = loggedIn("bien-tap");
        Document june = page(editor, "/reports?period=2027-06");

        String word = june.select("a:contains(Word)").attr("href");
        String csv = june.select("a:contains(.csv)").attr("href");
        assertEquals("/api/reports?unit=xa-hoa-an&period=2027-06&format=docx", word);
        HttpResponse<String> docx = editor.get(word);
        assertEquals(200, docx.statusCode());
        assertEquals(DOCX, docx.headers().firstValue("Content-Type").orElseThrow());
        HttpResponse<String> sheet = editor.get(csv);
        assertEquals(200, sheet.statusCode());
        assertTrue(sheet.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertTrue(sheet.body().contains(publishedTitle), sheet.body());
    }

    @Test
    void aProvinceSeesTheOverviewOfItsCommunesAndOpensOnesReport() {
        Browser province = loggedIn("so-bao-cao");
        Document page = page(province, "/reports?period=2027-06");

        assertNotNull(page.getElementById("overview-h"), page.html());
        var rows = page.getElementById("overview-h").parent().select("tbody tr");
        assertEquals(1, rows.size(), rows.outerHtml());
        assertTrue(rows.get(0).text().startsWith("Xã Hòa An"), rows.text());
        assertEquals("1", rows.get(0).select("td").get(2).text(), "published in the period");
        String commune = rows.get(0).selectFirst("a").attr("href");
        assertEquals("/reports?unit=xa-hoa-an&period=2027-06", commune);
        assertTrue(page(province, commune).text().contains("Báo cáo tháng 6 năm 2027: Xã Hòa An"));
        HttpResponse<String> overviewDocx = province.get(page.getElementById("overview-h").parent()
                .select("a:contains(Word)").attr("href"));
        assertEquals(DOCX, overviewDocx.headers().firstValue("Content-Type").orElseThrow());
    }

    @Test
    void anEditorWritesProblemsAndProposalsPerTaskAndTheyStayWithTheReport() {
        Browser editor = loggedIn("bien-tap");
        Document page = page(editor, "/reports?period=2027-06");
        var task = page.selectFirst("#notes article.task");
        assertNotNull(task, "the seed plan's tasks are listed: " + page.select("#notes").html());
        String field = "task:" + task.attr("data-task");
        String token = page.selectFirst("#notes input[name=csrfToken]").val();

        HttpResponse<String> forged = editor.post("/reports/notes", Map.of("unit", "xa-hoa-an", "period", "2027-06",
                "general", "giả mạo", "csrfToken", "sai"));
        assertEquals(403, forged.statusCode());

        HttpResponse<String> saved = editor.post("/reports/notes", Map.of("unit", "xa-hoa-an", "period", "2027-06",
                field, "Thiếu loa ở thôn 3.", "general", "Đề xuất bổ sung kinh phí.", "csrfToken", token));
        assertEquals(303, saved.statusCode(), saved.body());
        Document again = page(editor, "/reports?period=2027-06");
        assertEquals("Thiếu loa ở thôn 3.", again.select("#notes textarea").stream().filter(t -> t.attr("name").equals(field)).findFirst().orElseThrow().text());
        assertEquals("Đề xuất bổ sung kinh phí.", again.selectFirst("#notes textarea[name=general]").text());
        assertTrue(page(editor, "/reports?period=2027-05").selectFirst("#notes textarea[name=general]").text().isEmpty(),
                "kept per period");
    }

    @Test
    void aRefusedSaveKeepsWhatTheEditorTyped() {
        Browser editor = loggedIn("bien-tap");
        Document page = page(editor, "/reports?period=2027-07");
        String field = "task:" + page.selectFirst("#notes article.task").attr("data-task");
        String token = page.selectFirst("#notes input[name=csrfToken]").val();
        String typed = "Thôn 5 chưa có cụm loa, bà con phản ánh không nghe được bản tin. ".repeat(70);

        HttpResponse<String> refused = editor.post("/reports/notes", Map.of("unit", "xa-hoa-an", "period", "2027-07",
                field, typed, "general", "Đề xuất lắp thêm cụm loa ở thôn 5.", "csrfToken", token));

        assertEquals(400, refused.statusCode());
        Document again = Jsoup.parse(refused.body());
        assertTrue(again.select("[role=alert]").text().contains("dài quá"), again.select("[role=alert]").text() + again.title());
        assertEquals(typed.strip(), again.select("#notes textarea").stream().filter(t -> t.attr("name").equals(field))
                .findFirst().orElseThrow().text().strip(), "nothing the editor typed is lost");
        assertEquals("Đề xuất lắp thêm cụm loa ở thôn 5.", again.selectFirst("#notes textarea[name=general]").text());
        assertTrue(page(editor, "/reports?period=2027-07").selectFirst("#notes textarea[name=general]").text().isEmpty(),
                "nothing was saved: the whole form is refused");
    }

    private void execute(String sql, long id) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setLong(1, id);
                return statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
