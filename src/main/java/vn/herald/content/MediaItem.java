package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A stored file in one unit's media library, with the description that unit gives it. */
@Serdeable
@MappedEntity("media_item")
public record MediaItem(@Id @GeneratedValue @Nullable Long id, String unitCode, long assetId, @Nullable String altText,
                        String createdBy, Instant createdAt) {

    MediaItem withAltText(@Nullable String text) {
        return new MediaItem(id, unitCode, assetId, text, createdBy, createdAt);
    }
}
