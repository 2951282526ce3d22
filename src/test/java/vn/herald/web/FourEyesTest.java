package vn.herald.web;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
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
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asApprover;

/** Four eyes on the API and the pages: the approver names the revision they read. */
@MicronautTest(transactional = false)
class FourEyesTest {

    @Inject EmbeddedServer server;
    @Inject @Client("/") HttpClient http;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject JsonMapper json;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Piece inReview(String title) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, null, "<p>Bản đầu tiên</p>", null, null,
                null, List.of(), null, null, null, null, null), "bien-tap");
        return pieces.submit(piece.id(), "bien-tap");
    }

    private void editedAndSubmittedAgain(Piece piece) {
        pieces.update(piece.id(), new PieceForm(null, null, null, null, "<p>Bản sửa chưa ai đọc</p>", null, null, null,
                null, null, null, null, null, piece.revision()), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
    }

    private Map<String, Object> problem(HttpRequest<?> request, HttpStatus expected) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class));
        assertEquals(expected, e.getStatus());
        try {
            return json.readValue(e.getResponse().getBody(String.class).orElseThrow(), Argument.mapOf(String.class, Object.class));
        } catch (IOException io) {
            throw new AssertionError(io);
        }
    }

    @Test
    void theApiRefusesAnApprovalThatDoesNotNameTheRevisionRead() {
        Piece piece = inReview("Lịch trực Tết của UBND xã");

        Map<String, Object> missing = problem(asApprover(HttpRequest.POST("/api/pieces/" + piece.id() + "/approve", "")),
                HttpStatus.BAD_REQUEST);

        assertEquals("revision-required", missing.get("code"));
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(piece.id()).status());
    }

    @Test
    void theApiAnswers409WhenANewerRevisionWasSavedAfterTheApproverReadIt() {
        Piece read = inReview("Kế hoạch tổ chức Ngày hội văn hóa");
        editedAndSubmittedAgain(read);

        Map<String, Object> conflict = problem(asApprover(HttpRequest.POST("/api/pieces/" + read.id() + "/approve",
                Map.of("revision", read.revision()))), HttpStatus.CONFLICT);

        assertEquals("revision-changed", conflict.get("code"));
        assertTrue(String.valueOf(conflict.get("detail")).contains("bản số 1"), conflict.toString());
        assertTrue(String.valueOf(conflict.get("detail")).contains("bản số 2"), conflict.toString());
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(read.id()).status());

        problem(asApprover(HttpRequest.POST("/api/pieces/" + read.id() + "/reject?revision=1",
                Map.of("reason", "Sai giờ"))), HttpStatus.CONFLICT);
        http.toBlocking().exchange(asApprover(HttpRequest.POST("/api/pieces/" + read.id() + "/approve?revision=2", "")));
        assertEquals(PieceStatus.APPROVED, pieces.get(read.id()).status());
    }

    @Test
    void thePiecePageApprovesTheRevisionItShowedAndNotOneSavedSince() {
        Piece read = inReview("Thông báo tiêm chủng mở rộng");
        Browser approver = new Browser(server.getURI());
        approver.logIn("duyet", TestUsers.PASSWORD);
        String page = approver.get("/pieces/" + read.id()).body();
        assertTrue(page.contains("name=\"revision\" value=\"1\""), "the form carries the revision shown");
        assertTrue(page.contains("Duyệt bản số 1"), "the button says which revision it approves");
        String token = Browser.csrfTokenOf(page);

        editedAndSubmittedAgain(read);
        var answer = approver.post("/pieces/" + read.id() + "/approve", Map.of("csrfToken", token, "revision", "1"));

        assertEquals(303, answer.statusCode());
        String location = URLDecoder.decode(answer.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(location.contains("bản số 1") && location.contains("bản số 2"), location);
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(read.id()).status());
        assertEquals(303, approver.post("/pieces/" + read.id() + "/approve", Map.of("csrfToken", token, "revision", "2"))
                .statusCode());
        assertEquals(PieceStatus.APPROVED, pieces.get(read.id()).status());
    }
}
