package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.calendar.Calendar;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start page answers "what is next" for the unit: what goes out today and in the coming week per channel, what
 * needs a person, what waits for review, the reports due within ten days and the next campaign.
 */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
@Property(name = "herald.campaign.sweep-enabled", value = "false")
class WebHomeTest {

    /** Monday 17/05/2027 08:00 in Hanoi. */
    private static final Instant MONDAY_EIGHT = Instant.parse("2027-05-17T01:00:00Z");

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Calendar calendar;
    @Inject Publishing publishing;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject Units units;
    @Inject TestClock clock;
    @Inject TransactionOperations<Connection> transactions;

    @BeforeEach
    void monday() {
        TestUsers.ensure(accounts);
        clock.set(MONDAY_EIGHT);
    }

    @AfterEach
    void backToMonday() {
        clock.set(MONDAY_EIGHT);
    }

    private Document home() {
        Browser browser = new Browser(server.getURI());
        browser.logIn("bien-tap", TestUsers.PASSWORD);
        var page = browser.get("/");
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body());
    }

    private List<Long> approvedArticles() {
        return calendar.backlog(units.ownUnitCode()).stream().filter(b -> b.kind() == PieceKind.ARTICLE)
                .map(Calendar.BacklogPiece::pieceId).toList();
    }

    private Element rowOf(Document page, String channelName) {
        return page.select("table.ahead tbody tr").stream()
                .filter(row -> row.selectFirst("th").text().equals(channelName)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + channelName + ": " + page.select("table.ahead")));
    }

    @Test
    void whatGoesOutTodayAndInTheNextSevenDaysIsListedUnderItsChannel() {
        List<Long> articles = approvedArticles();
        Publication today = publishing.schedule(articles.get(0), List.of("facebook"),
                Instant.parse("2027-05-17T03:00:00Z"), "bien-tap").get(0);
        Publication friday = publishing.schedule(articles.get(1), List.of("facebook"),
                Instant.parse("2027-05-21T02:00:00Z"), "bien-tap").get(0);
        Publication later = publishing.schedule(articles.get(2), List.of("facebook"),
                Instant.parse("2027-05-26T02:00:00Z"), "bien-tap").get(0);
        String todayTitle = pieces.get(today.pieceId()).title();
        String fridayTitle = pieces.get(friday.pieceId()).title();
        String laterTitle = pieces.get(later.pieceId()).title();

        Element facebook = rowOf(home(), "Fanpage Xã Hòa An");

        Element todayCell = facebook.select("td").get(0);
        Element weekCell = facebook.select("td").get(1);
        assertTrue(todayCell.text().contains("17/05/2027 10:00 " + todayTitle), todayCell.text());
        assertFalse(todayCell.text().contains(fridayTitle), todayCell.text());
        assertTrue(weekCell.text().contains("21/05/2027 09:00 " + fridayTitle), weekCell.text());
        assertFalse(weekCell.text().contains(todayTitle), "today's is not repeated: " + weekCell.text());
        assertFalse(facebook.text().contains(laterTitle), "26/05 is beyond the next 7 days: " + facebook.text());
        assertEquals("/publications/" + today.id(), todayCell.selectFirst("a").attr("href"));

        execute("update publication set status = 'PUBLISHED' where id = ?", today.id());
        String sent = rowOf(home(), "Fanpage Xã Hòa An").select("td").get(0).text();
        assertTrue(sent.contains(todayTitle + " Chạy thử xong (không gửi)"), "the Facebook page is a dry run: " + sent);
    }

    @Test
    void failedPublicationsPausedChannelsAndWeeksAtRiskNeedAttention() {
        Publication stuck = publishing.schedule(approvedArticles().get(0), List.of("facebook"),
                Instant.parse("2027-05-18T02:00:00Z"), "bien-tap").get(0);
        execute("update publication set status = 'NEEDS_ATTENTION' where id = ?", stuck.id());
        channels.pause("zalo", "Mã truy cập Zalo đã hết hạn");
        try {
            Element attention = home().getElementById("attention-h").parent();

            assertTrue(attention.text().contains("Kênh đang tạm dừng"), attention.text());
            assertTrue(attention.text().contains("Mã truy cập Zalo đã hết hạn"), attention.text());
            assertTrue(attention.text().contains("Bài đăng gặp lỗi"), attention.text());
            assertTrue(attention.select("a[href=/publications/" + stuck.id() + "]").size() == 1, attention.html());
            assertTrue(attention.text().contains("Tuần có nguy cơ thiếu bài"), attention.text());
            assertTrue(attention.text().contains("Tuần 17/05/2027 – 23/05/2027: Hệ thống truyền thanh cơ sở xã Hòa An mới có"),
                    "the loudspeaker's default cadence is not covered this week: " + attention.text());
        } finally {
            channels.resume("zalo");
            execute("update publication set status = 'CANCELLED' where id = ?", stuck.id());
        }
        assertFalse(home().getElementById("attention-h").parent().text().contains("Kênh đang tạm dừng"));
    }

    @Test
    void theReviewCountSaysHowManyPiecesWait() {
        long waiting = pieces.list(new Pieces.Filter(units.ownUnitCode(), null, PieceStatus.IN_REVIEW, null, null, null),
                io.micronaut.data.model.Pageable.from(0, 1)).getTotalSize();
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, units.ownUnitCode(), "Lịch tiêm chủng tháng 6", "Tóm tắt",
                "<p>Nội dung.</p>", null, null, null, List.of(), List.of(), List.of(), null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");

        Document page = home();

        assertEquals(String.valueOf(waiting + 1), page.getElementById("review-h").parent().selectFirst(".count").text());
        assertTrue(page.text().contains((waiting + 1) + " bài chờ duyệt"), page.text());
    }

    @Test
    void aReportAppearsTenDaysBeforeItIsDue() {
        clock.set(Instant.parse("2027-06-04T01:00:00Z"));
        Element early = home().getElementById("reports-h").parent();
        assertTrue(early.text().contains("Chưa có báo cáo nào sắp đến hạn"), "eleven days before: " + early.text());

        clock.set(Instant.parse("2027-06-05T01:00:00Z"));
        Element reports = home().getElementById("reports-h").parent();

        assertTrue(reports.text().contains("Báo cáo tháng 6 năm 2027: hạn nộp 15/06/2027, còn 10 ngày"), reports.text());
        assertTrue(reports.text().contains("Báo cáo 6 tháng đầu năm 2027: hạn nộp 15/06/2027, còn 10 ngày"), reports.text());
        assertEquals("/reports?unit=xa-hoa-an&period=2027-06", reports.selectFirst("a").attr("href"));
    }

    @Test
    void theNextCampaignIsTheFirstWindowNotYetClosed() {
        Element running = home().getElementById("campaign-h").parent();
        assertTrue(running.text().contains("Ngày Khoa học và Công nghệ Việt Nam"), running.text());
        assertTrue(running.text().contains("Từ 08/05/2027 đến 20/05/2027"), running.text());
        assertTrue(running.text().contains("Đang diễn ra"), running.text());

        clock.set(Instant.parse("2027-06-05T01:00:00Z"));
        Element next = home().getElementById("campaign-h").parent();

        assertTrue(next.text().contains("Ngày hội Đổi mới sáng tạo quốc gia"), "1/10 opens before 10/10: " + next.text());
        assertTrue(next.text().contains("Từ 21/09/2027 đến 03/10/2027"), next.text());
        assertTrue(next.text().contains("bắt đầu sau 108 ngày"), next.text());
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
