package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** The audit trail: every transition of a publication, and who or what caused it. */
@Serdeable
@MappedEntity("publication_event")
public record PublicationEvent(@Id @GeneratedValue @Nullable Long id, long publicationId,
                               @Nullable PublicationStatus fromStatus, PublicationStatus toStatus, String actor,
                               @Nullable String reason, Instant createdAt) {}
