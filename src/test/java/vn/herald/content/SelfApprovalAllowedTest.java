package vn.herald.content;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A one-person centre turns four eyes off with herald.review.self-approval (HERALD_REVIEW_SELF_APPROVAL). */
@MicronautTest(transactional = false)
@Property(name = "herald.review.self-approval", value = "true")
class SelfApprovalAllowedTest {

    @Inject Pieces pieces;

    @Test
    void withTheSettingOnTheAuthorApprovesTheirOwnPiece() {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, "Trung tâm một người", null, "<p>Nội dung</p>",
                null, null, null, List.of(), null, null, null, null, null), "mot-minh");
        pieces.submit(piece.id(), "mot-minh");

        assertEquals(PieceStatus.APPROVED, pieces.approve(piece.id(), piece.revision(), "mot-minh").status());
    }
}
