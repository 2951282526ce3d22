package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The frozen payload of a Page post: the text exactly as sent, the portal link, and the images by content hash
 * (stored files never change, so the hash freezes the picture too). No image: a text/link post on the feed; one:
 * a photo post; several: unpublished uploads attached to one feed post.
 */
@Serdeable
record FacebookPost(String message, @Nullable String link, @Nullable List<PostImage> images) {

    FacebookPost {
        // the JSON leaves out an empty list
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** One picture of the post, with the text for readers who cannot see it. */
    @Serdeable
    record PostImage(String sha256, String mediaType, long sizeBytes, String fileName, @Nullable String altText) {}
}
