package vn.herald.upstream;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One key an imported item is known by, in its unit; the piece it became. */
@MappedEntity("upstream_item")
record UpstreamItem(@Id @GeneratedValue @Nullable Long id, String unitCode, String itemKey, long pieceId, String feedUrl,
                    @Nullable String link, Instant firstSeenAt) {}
