package vn.herald.content;

import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.support.Refusal;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Four eyes: an approver approves the revision they read, and never their own. Run on every database. */
abstract class ReviewContract {

    @Inject Pieces pieces;

    private Piece inReview(String title, String author) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, "Tóm tắt", "<p>Bản đầu tiên</p>", null,
                null, null, List.of(), null, null, null, null, null), author);
        return pieces.submit(piece.id(), author);
    }

    private Piece editedAndSubmittedAgain(Piece piece, String editor) {
        pieces.update(piece.id(), new PieceForm(null, null, null, null, "<p>Bản sửa mà người duyệt chưa đọc</p>", null,
                null, null, null, null, null, null, null, piece.revision()), editor);
        return pieces.submit(piece.id(), editor);
    }

    @Test
    void anApprovalOfARevisionThatIsNoLongerCurrentIsRefusedNamingBothRevisions() {
        Piece read = inReview("Lịch tiếp công dân tháng 6", "bien-tap");
        editedAndSubmittedAgain(read, "bien-tap");

        Refusal refusal = assertThrows(Refusal.class, () -> pieces.approve(read.id(), read.revision(), "duyet"));

        assertEquals(Refusal.Kind.CONFLICT, refusal.kind());
        assertEquals("revision-changed", refusal.code());
        assertTrue(refusal.getMessage().contains("bản số 1") && refusal.getMessage().contains("bản số 2"), refusal.getMessage());
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(read.id()).status(), "the unseen text is not approved");
        assertEquals(PieceStatus.APPROVED, pieces.approve(read.id(), 2, "duyet").status());
    }

    @Test
    void aRejectionOfARevisionThatIsNoLongerCurrentIsRefusedToo() {
        Piece read = inReview("Thông báo thu gom rác cồng kềnh", "bien-tap");
        editedAndSubmittedAgain(read, "bien-tap");

        Refusal refusal = assertThrows(Refusal.class, () -> pieces.reject(read.id(), 1, "Sai ngày thu gom", "duyet"));

        assertEquals("revision-changed", refusal.code());
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(read.id()).status());
    }

    @Test
    void theAuthorOfAPieceCannotApproveIt() {
        Piece own = inReview("Bài do người duyệt tự viết", "duyet");

        Refusal refusal = assertThrows(Refusal.class, () -> pieces.approve(own.id(), own.revision(), "duyet"));

        assertEquals(Refusal.Kind.FORBIDDEN, refusal.kind());
        assertEquals("self-approval", refusal.code());
        assertTrue(refusal.getMessage().contains("không thể tự duyệt"), refusal.getMessage());
        assertEquals(PieceStatus.IN_REVIEW, pieces.get(own.id()).status());
    }

    @Test
    void whoeverMadeTheRevisionUnderReviewCannotApproveItButAnotherApproverCan() {
        Piece piece = inReview("Hướng dẫn đăng ký tạm trú trực tuyến", "bien-tap");
        Piece revised = editedAndSubmittedAgain(piece, "duyet");

        Refusal refusal = assertThrows(Refusal.class, () -> pieces.approve(piece.id(), revised.revision(), "duyet"));

        assertEquals("self-approval", refusal.code());
        assertEquals(PieceStatus.APPROVED, pieces.approve(piece.id(), revised.revision(), "truong-ban").status());
    }
}
