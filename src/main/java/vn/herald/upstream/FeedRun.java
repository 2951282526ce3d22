package vn.herald.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The last reading of one configured feed, shared by every instance. */
@MappedEntity("upstream_feed_run")
record FeedRun(@Id String id, String channelId, String url, String name, boolean ok, String message, int itemsRead,
               int itemsNew, Instant ranAt, @Nullable Instant lastSuccessAt) {}
