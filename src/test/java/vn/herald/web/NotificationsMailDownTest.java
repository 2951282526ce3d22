package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
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

/** A mail server that does not answer loses no notice and holds up no action. */
@MicronautTest(transactional = false)
// port 9 (discard) on loopback: nothing listens there, so every connection is refused
@Property(name = "herald.smtp.host", value = "127.0.0.1")
@Property(name = "herald.smtp.port", value = "9")
@Property(name = "herald.smtp.security", value = "NONE")
class NotificationsMailDownTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Notices notices;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    @Test
    void anApprovalGoesThroughAndIsToldInTheAppWhenTheMailServerIsDown() {
        notices.setAddress("bien-tap", "bien-tap@xahoaan.example");
        Piece piece = pieces.submit(pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Kế hoạch phòng chống lụt bão",
                null, "<p>Nội dung</p>", null, null, null, List.of(), null, null, null, null, null), "bien-tap").id(), "bien-tap");
        Browser approver = new Browser(server.getURI());
        approver.logIn("duyet", TestUsers.PASSWORD);

        HttpResponse<String> approved = approver.post("/pieces/" + piece.id() + "/approve", Map.of(
                "csrfToken", Browser.csrfTokenOf(approver.get("/pieces/" + piece.id()).body()),
                "revision", String.valueOf(piece.revision())));

        assertEquals("/review?ok=approved", approved.headers().firstValue("Location").orElseThrow());
        assertTrue(notices.of("bien-tap").stream().anyMatch(n -> n.kind() == NoticeKind.APPROVED
                && n.title().contains("Kế hoạch phòng chống lụt bão")));
    }
}
