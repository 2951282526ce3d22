package vn.herald.channel;

import io.micronaut.core.annotation.Introspected;

import java.time.Instant;

/** A publication the platform holds, as the engagement reader asks about it: Herald's id and the platform's. */
@Introspected
public record PublishedPost(long publicationId, String externalId, Instant publishedAt) {}
