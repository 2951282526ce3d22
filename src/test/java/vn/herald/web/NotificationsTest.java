package vn.herald.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.channel.Priority;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.notice.Notice;
import vn.herald.notice.NoticeKind;
import vn.herald.notice.Notices;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.FakePlatform;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.publishing.RecurringJob;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * People are told (a piece sent back or approved, a publication in trouble, a paused channel, a report due) in the
 * app and by email through a real SMTP server on loopback; forms keep what was typed; cancel is offered only where
 * it can work. The clock and the dispatcher are driven by hand.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsTest implements TestPropertyProvider {

    private static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Notices notices;
    @Inject List<RecurringJob> jobs;
    @Inject TestClock clock;

    private final FakePlatform platform = new FakePlatform();
    private final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    private int people;

    @Override
    public Map<String, String> getProperties() {
        mail.start();
        try {
            Path dir = Files.createTempDirectory("herald-channels");
            for (String id : List.of("kept", "fragile")) {
                Files.writeString(dir.resolve(id + ".yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                        + platform.baseUrl() + "\nrateLimitPerMinute: 100000\n");
            }
            Files.writeString(dir.resolve("dry.yml"), "type: FACEBOOK_PAGE\nmode: dry-run\nbaseUrl: " + platform.baseUrl() + "\n");
            return Map.of("herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.test.fake-platform", "true",
                    "herald.publishing.scheduler-enabled", "false",
                    "herald.smtp.host", "127.0.0.1",
                    "herald.smtp.port", String.valueOf(mail.getSmtp().getPort()),
                    "herald.smtp.security", "NONE",
                    "herald.smtp.from", "Herald <herald@xahoaan.example>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stop() {
        platform.close();
        mail.stop();
    }

    @BeforeEach
    void morning() {
        TestUsers.ensure(accounts);
        clock.set(MORNING);
        platform.forgetScript();
    }

    /** A new editor of the installation's unit, so the notices counted are this test's alone. */
    private String anEditor(String displayName) {
        String username = "bien-tap-" + (++people) + "-" + System.nanoTime() % 100000;
        accounts.create(new Accounts.AccountForm(username, displayName, TestUsers.PASSWORD, EnumSet.of(Role.EDITOR), null, true));
        return username;
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser(server.getURI());
        assertEquals(303, browser.logIn(username, TestUsers.PASSWORD).statusCode());
        return browser;
    }

    private Piece inReviewBy(String author, String title) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, null, "<p>Nội dung của bài</p>", null,
                null, null, List.of(), null, null, null, null, null), author);
        return pieces.submit(piece.id(), author);
    }

    private List<Notice> noticesOf(String username, NoticeKind kind) {
        return notices.of(username).stream().filter(n -> n.kind() == kind).toList();
    }

    private long anApprovedPiece() {
        return pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 1)).getContent().get(0).id();
    }

    private static String pageToken(Browser browser, String path) {
        return Browser.csrfTokenOf(browser.get(path).body());
    }

    @Test
    void aRejectionTellsItsAuthorTheReasonAndThePieceIsListedAsSentBack() {
        String author = anEditor("Phạm Văn Viết");
        Piece piece = inReviewBy(author, "Thông báo lịch tiêm chủng tháng 6");
        Browser approver = loggedIn("duyet");
        String token = pageToken(approver, "/pieces/" + piece.id());

        HttpResponse<String> rejected = approver.post("/pieces/" + piece.id() + "/reject", Map.of("csrfToken", token,
                "revision", String.valueOf(piece.revision()), "reason", "Thiếu nguồn của số liệu tiêm chủng"));

        assertEquals(303, rejected.statusCode(), rejected.body());
        Browser editor = loggedIn(author);
        String list = editor.get("/pieces").body();
        assertTrue(list.contains("Thông báo: 1 chưa đọc"), "the bell counts one unread notice");
        String inbox = editor.get("/notifications").body();
        assertTrue(inbox.contains("«Thông báo lịch tiêm chủng tháng 6» bị trả lại"), inbox);
        assertTrue(inbox.contains("Thiếu nguồn của số liệu tiêm chủng"), "the notice gives the reason");
        assertTrue(inbox.contains("Trần Văn Duyệt"), "the notice names the approver");
        assertTrue(list.contains("Bị trả lại"), "the piece list labels a rejected piece on its own");
        assertTrue(editor.get("/pieces/" + piece.id()).body().contains("Bị trả lại"));
    }

    @Test
    void anApprovalTellsItsAuthorAndReadingTheNoticeEmptiesTheBell() {
        String author = anEditor("Đỗ Thị Soạn");
        Piece piece = inReviewBy(author, "Lịch thu gom rác mùa mưa");
        Browser approver = loggedIn("duyet");
        approver.post("/pieces/" + piece.id() + "/approve", Map.of("csrfToken", pageToken(approver, "/pieces/" + piece.id()),
                "revision", String.valueOf(piece.revision())));

        List<Notice> told = noticesOf(author, NoticeKind.APPROVED);
        assertEquals(1, told.size());
        assertEquals("«Lịch thu gom rác mùa mưa» đã được duyệt", told.get(0).title());
        Browser editor = loggedIn(author);
        String token = pageToken(editor, "/notifications");
        assertEquals(303, editor.post("/notifications/" + told.get(0).id() + "/read", Map.of("csrfToken", token)).statusCode());
        assertFalse(editor.get("/notifications").body().contains("chưa đọc"), "nothing unread is left in the bell");
    }

    @Test
    void anotherPersonsNoticeIsNotFound() {
        String author = anEditor("Vũ Văn Riêng");
        Piece piece = inReviewBy(author, "Bài riêng của một người");
        pieces.reject(piece.id(), piece.revision(), "Cần viết lại phần mở đầu", "duyet");
        Notice mine = noticesOf(author, NoticeKind.SENT_BACK).get(0);

        Browser stranger = loggedIn("bien-tap");
        HttpResponse<String> answer = stranger.post("/notifications/" + mine.id() + "/read",
                Map.of("csrfToken", pageToken(stranger, "/notifications")));

        assertEquals(404, answer.statusCode());
        assertTrue(notices.of(author).get(0).unread(), "another person cannot mark it read");
        assertFalse(stranger.get("/notifications").body().contains("Bài riêng của một người"));
    }

    @Test
    void aPublicationThatNeedsAPersonAndItsPausedChannelAreToldToTheUnitsEditorsAlsoByEmail() throws Exception {
        String editor = anEditor("Hoàng Văn Trực");
        notices.setAddress(editor, "truc@xahoaan.example");
        platform.then(FakePlatform.Answer.UNAUTHORIZED);
        Publication publication = publishing.schedule(anApprovedPiece(), List.of("fragile"), MORNING, Priority.NORMAL,
                true, "bien-tap").get(0);

        dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        Notice trouble = noticesOf(editor, NoticeKind.PUBLICATION_TROUBLE).get(0);
        assertTrue(trouble.title().endsWith("cần người xử lý"), trouble.title());
        assertEquals("/publications/" + publication.id(), trouble.link());
        Notice paused = noticesOf(editor, NoticeKind.CHANNEL_PAUSED).get(0);
        assertTrue(paused.detail().contains("token expired"), paused.detail());
        assertTrue(mail.waitForIncomingEmail(10_000, 2), "both notices are emailed");
        List<String> subjects = List.of(mail.getReceivedMessagesForDomain("xahoaan.example")).stream()
                .filter(m -> recipient(m).equals("truc@xahoaan.example")).map(NotificationsTest::subject).toList();
        assertTrue(subjects.contains("[Herald] " + trouble.title()), subjects.toString());
        assertTrue(subjects.contains("[Herald] " + paused.title()), subjects.toString());
        publishing.resume("fragile", "admin");
    }

    @Test
    void aReportComingDueIsToldOncePerPeriod() {
        String editor = anEditor("Ngô Thị Báo");
        clock.set(Instant.parse("2027-05-12T01:00:00Z")); // the monthly report is due on 15/05, three days ahead
        RecurringJob sweep = jobs.stream().filter(j -> j.name().equals("report-due-notices")).findFirst().orElseThrow();

        sweep.run();
        sweep.run();

        List<Notice> due = noticesOf(editor, NoticeKind.REPORT_DUE);
        assertEquals(1, due.size(), "a second run tells nothing again");
        assertTrue(due.get(0).detail().contains("15/05/2027"), due.get(0).detail());
        assertTrue(due.get(0).detail().contains("còn 3 ngày"), due.get(0).detail());
    }

    @Test
    void theReviewQueueSaysWhoSubmittedAndWhenAndTheMenuCountsWhatWaits() {
        String author = anEditor("Lê Thị Gửi");
        clock.set(Instant.parse("2027-05-17T02:30:00Z"));
        inReviewBy(author, "Hướng dẫn đăng ký thường trú");

        String queue = loggedIn("duyet").get("/review").body();

        assertTrue(queue.contains("Gửi duyệt bởi Lê Thị Gửi lúc 17/05/2027 09:30"), queue);
        long waiting = pieces.list(new Pieces.Filter(null, null, PieceStatus.IN_REVIEW, null, null, null), Pageable.from(0, 1))
                .getTotalSize();
        assertTrue(queue.contains(waiting + " bài chờ duyệt"), "the menu counts the pieces waiting for review");
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndMarksTheField() {
        Browser editor = loggedIn("bien-tap");
        String token = pageToken(editor, "/pieces/new");

        HttpResponse<String> refused = editor.post("/pieces", Map.of("csrfToken", token, "kind", "ARTICLE",
                "title", "Quá dài ".repeat(60), "summary", "Tóm tắt đã gõ cẩn thận", "body", "<p>Đoạn văn đã viết</p>"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("Tóm tắt đã gõ cẩn thận"), "the summary typed is still there");
        assertTrue(refused.body().contains("Đoạn văn đã viết"), "the text typed is still there");
        assertTrue(refused.body().matches("(?s).*id=\"title\"[^>]*aria-invalid=\"true\".*"), "the title is marked");
        assertTrue(refused.body().contains("id=\"title-error\""), "its message stands next to it");

        long pieceId = anApprovedPiece();
        HttpResponse<String> noChannel = editor.post("/publications", Map.of("csrfToken", token,
                "pieceId", String.valueOf(pieceId), "plannedAt", "2027-05-20T09:30", "priority", "PRIORITY"));
        assertEquals(400, noChannel.statusCode());
        assertTrue(noChannel.body().contains("value=\"2027-05-20T09:30\""), "the time typed is kept");
        assertTrue(noChannel.body().matches("(?s).*value=\"PRIORITY\"\\s+selected.*"), "the priority chosen is kept");
        assertTrue(noChannel.body().contains("id=\"channelId-error\""), "the channels are marked");
    }

    @Test
    void aDryRunCanBeCancelledButAPostThePlatformKeepsIsNotOfferedCancel() {
        Browser editor = loggedIn("bien-tap");
        Publication dry = publishing.schedule(anApprovedPiece(), List.of("dry"), MORNING, Priority.NORMAL, true, "bien-tap").get(0);
        Publication kept = publishing.schedule(anApprovedPiece(), List.of("kept"), MORNING, Priority.NORMAL, true, "bien-tap").get(0);
        dispatcher.dispatch(dry.id());
        dispatcher.dispatch(kept.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(dry.id()).status());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(kept.id()).status());

        String keptPage = editor.get("/publications/" + kept.id()).body();
        assertFalse(keptPage.contains("/publications/" + kept.id() + "/cancel"), "no cancel where the platform keeps the post");
        String dryPage = editor.get("/publications/" + dry.id()).body();
        assertTrue(dryPage.contains("/publications/" + dry.id() + "/cancel"), "a dry run never reached the platform");

        HttpResponse<String> cancelled = editor.post("/publications/" + dry.id() + "/cancel",
                Map.of("csrfToken", Browser.csrfTokenOf(dryPage), "reason", "Chỉ là chạy thử"));

        assertEquals("/publications/" + dry.id() + "?ok=cancelled", cancelled.headers().firstValue("Location").orElseThrow());
        assertEquals(PublicationStatus.CANCELLED, publishing.get(dry.id()).status());
        HttpResponse<String> refused = editor.post("/publications/" + kept.id() + "/cancel",
                Map.of("csrfToken", Browser.csrfTokenOf(keptPage), "reason", "Muốn gỡ"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("giữ bài đăng"), "a hand-made cancel is refused in Vietnamese");
    }

    @Test
    void anEmailAddressThatIsNotOneIsRefusedNextToTheFieldAndKept() {
        Browser editor = loggedIn("bien-tap");
        HttpResponse<String> refused = editor.post("/notifications/email",
                Map.of("csrfToken", pageToken(editor, "/notifications"), "email", "bien-tap@"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("value=\"bien-tap@\""), refused.body());
        assertTrue(refused.body().matches("(?s).*id=\"email\"[^>]*aria-invalid=\"true\".*"));
        assertTrue(refused.body().contains("cần có dạng ten@vi-du.vn"));
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
