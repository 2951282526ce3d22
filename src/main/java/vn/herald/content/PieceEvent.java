package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.TrailValues;

import java.time.Instant;
import java.util.Map;

/**
 * The audit trail of a piece's workflow: who moved it where, what happened as a {@code code} with its {@code data}
 * (see {@link #CREATED} and the others), and a person's own words in {@code reason} (why a revision was rejected). Rows
 * written before codes existed have none: their reason is all that is known.
 */
@Serdeable
@MappedEntity("piece_event")
public record PieceEvent(@Id @GeneratedValue @Nullable Long id, long pieceId, @Nullable PieceStatus fromStatus,
                         PieceStatus toStatus, String actor, @Nullable String reason, Instant createdAt,
                         @Nullable String code,
                         @Nullable @TypeDef(type = DataType.STRING, converter = TrailValues.class) Map<String, String> data) {

    public static final String CREATED = "created";
    /** data: {@code path}, the file in the content library. */
    public static final String IMPORTED = "imported";
    public static final String EDITED = "edited";
    /** data: {@code role}, the asset's role (cover, image, figure, audio). */
    public static final String ATTACHED = "attached";
    public static final String FILE_CHANGED = "file-changed";
    /** data: {@code path}. */
    public static final String FILE_REMOVED = "file-removed";
    public static final String SUBMITTED = "submitted";
    /** data: {@code revision}, the one the approver read. */
    public static final String APPROVED = "approved";
    /** data: {@code revision}; reason: the approver's words. */
    public static final String REJECTED = "rejected";
    /** reason: the person's words, if any. */
    public static final String ARCHIVED = "archived";

    public PieceEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
