package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One try at sending, recorded before the platform is called: an attempt without {@code finishedAt} is a send
 * whose result nobody saw.
 */
@Serdeable
@MappedEntity("publication_attempt")
public record Attempt(@Id @GeneratedValue @Nullable Long id, long publicationId, int number, String node,
                      Instant startedAt, @Nullable Instant finishedAt, @Nullable String outcome, @Nullable String detail) {}
