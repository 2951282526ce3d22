package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;

import java.io.IOException;
import java.util.Optional;

/** The pictures a post can carry, from the asset store; an interface so the adapter's tests need no database. */
interface ImageFiles {

    Optional<FacebookPost.PostImage> byId(long assetId, @Nullable String altText);

    Optional<FacebookPost.PostImage> bySha256(String sha256, @Nullable String altText);

    /** The bytes of a stored picture; fails when the file is no longer there. */
    byte[] read(FacebookPost.PostImage image) throws IOException;
}
