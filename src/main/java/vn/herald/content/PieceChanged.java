package vn.herald.content;

/** Published inside the transaction that changes a piece's status or revision, so other features can follow. */
public record PieceChanged(long pieceId, PieceStatus status, int revision) {}
