package vn.herald.content;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** The approval workflow. Only APPROVED pieces are published. */
public enum PieceStatus {
    DRAFT, IN_REVIEW, APPROVED, ARCHIVED;

    private static final Map<PieceStatus, Set<PieceStatus>> ALLOWED = Map.of(
            DRAFT, EnumSet.of(IN_REVIEW, ARCHIVED),
            // rejection sends a piece back to DRAFT with a reason
            IN_REVIEW, EnumSet.of(APPROVED, DRAFT, ARCHIVED),
            // an edit of an approved piece needs a new approval
            APPROVED, EnumSet.of(DRAFT, ARCHIVED),
            // a restored file or an editor brings an archived piece back as a draft
            ARCHIVED, EnumSet.of(DRAFT));

    public boolean canMoveTo(PieceStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
