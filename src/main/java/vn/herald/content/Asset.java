package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** An image or audio file, stored once under the data folder by the SHA-256 of its bytes. */
@Serdeable
@MappedEntity("asset")
public record Asset(@Id @GeneratedValue @Nullable Long id, String sha256, String mediaType, AssetKind kind,
                    long sizeBytes, @Nullable String originalName, Instant createdAt) {

    /** Where the file is served: by its hash, so the address never changes and can be cached for ever. */
    public String url() {
        return "/assets/" + sha256;
    }
}
