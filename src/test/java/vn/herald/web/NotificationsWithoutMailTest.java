package vn.herald.web;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.notice.NoticeKind;
import vn.herald.notice.Notices;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without HERALD_SMTP_HOST nothing is emailed and nothing fails: people are told in the app. */
@MicronautTest(transactional = false)
class NotificationsWithoutMailTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Notices notices;

    // a mail server on loopback that Herald is not told about: it must receive nothing
    private final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @BeforeEach
    void start() {
        TestUsers.ensure(accounts);
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void aRejectionIsToldInTheAppAndNothingIsSent() throws Exception {
        notices.setAddress("bien-tap", "bien-tap@xahoaan.example");
        Piece piece = pieces.submit(pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Lịch cắt điện tuần tới", null,
                "<p>Nội dung</p>", null, null, null, List.of(), null, null, null, null, null), "bien-tap").id(), "bien-tap");
        Browser approver = new Browser(server.getURI());
        approver.logIn("duyet", TestUsers.PASSWORD);

        HttpResponse<String> rejected = approver.post("/pieces/" + piece.id() + "/reject", Map.of(
                "csrfToken", Browser.csrfTokenOf(approver.get("/pieces/" + piece.id()).body()),
                "revision", String.valueOf(piece.revision()), "reason", "Cần ghi rõ khu vực bị cắt điện"));

        assertEquals(303, rejected.statusCode());
        assertTrue(notices.of("bien-tap").stream().anyMatch(n -> n.kind() == NoticeKind.SENT_BACK
                && n.detail().contains("Cần ghi rõ khu vực bị cắt điện")));
        assertEquals(0, mail.getReceivedMessages().length);
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        assertTrue(editor.get("/notifications").body().contains("chỉ hiện trong ứng dụng"), "the page says email is off");
    }
}
