package vn.herald.publishing;

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
 * The audit trail: every transition of a publication, and who or what caused it. What happened is a {@code code}
 * ({@link EventNote}) with its values in {@code data} (instants in UTC ISO form, numbers, platform ids); {@code reason}
 * holds only words meant for people: a cancellation's reason as typed, or the platform's explanation. Rows written
 * before codes existed have none: their reason is all that is known.
 */
@Serdeable
@MappedEntity("publication_event")
public record PublicationEvent(@Id @GeneratedValue @Nullable Long id, long publicationId,
                               @Nullable PublicationStatus fromStatus, PublicationStatus toStatus, String actor,
                               @Nullable String reason, Instant createdAt, @Nullable String code,
                               @Nullable @TypeDef(type = DataType.STRING, converter = TrailValues.class) Map<String, String> data) {

    public PublicationEvent {
        data = data == null ? Map.of() : Map.copyOf(data);
    }
}
