package vn.herald.channel.wordpress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The frozen payload of a WordPress publication: the post as it will be created, the category (by id, or by name
 * to be looked up when sending) and the featured image to upload first.
 */
@Serdeable
record WordPressPost(
        String title,
        String content,
        @Nullable String excerpt,
        String slug,
        @Nullable Long categoryId,
        @Nullable String categoryName,
        @Nullable Image featuredImage) {

    /** A stored picture, by its hash; the bytes are read when sending. */
    @Serdeable
    record Image(String sha256, String mediaType, long sizeBytes, String fileName, @Nullable String altText) {}
}
