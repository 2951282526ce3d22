package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One kept revision: the piece's content as JSON, and who made it. */
@MappedEntity("piece_revision")
record PieceRevision(@Id @GeneratedValue @Nullable Long id, long pieceId, int revision, String snapshot,
                     String changedBy, Instant createdAt) {}
