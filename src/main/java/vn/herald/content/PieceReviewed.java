package vn.herald.content;

import io.micronaut.core.annotation.Nullable;

import java.util.Set;

/**
 * Published inside the transaction of an approval or a rejection, so the people who wrote the piece can be told.
 * {@code writers}: who created the piece and who made the revision reviewed (never the import, never the reviewer).
 */
public record PieceReviewed(long pieceId, String unitCode, String title, boolean approved, @Nullable String reason,
                            String reviewer, Set<String> writers) {}
