package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The audit trail of a piece's workflow: who moved it where, and why. */
@Serdeable
@MappedEntity("piece_event")
public record PieceEvent(@Id @GeneratedValue @Nullable Long id, long pieceId, @Nullable PieceStatus fromStatus,
                         PieceStatus toStatus, String actor, @Nullable String reason, Instant createdAt) {}
