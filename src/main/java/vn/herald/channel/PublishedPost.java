package vn.herald.channel;

import java.time.Instant;

/** A publication the platform holds, as the engagement reader asks about it: Herald's id and the platform's. */
public record PublishedPost(long publicationId, String externalId, Instant publishedAt) {}
