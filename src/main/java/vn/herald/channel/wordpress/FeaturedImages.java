package vn.herald.channel.wordpress;

import java.io.IOException;
import java.util.Optional;

/** Pictures from the asset store; an interface so the adapter's tests need no database. */
interface FeaturedImages {

    /** The stored picture with this asset id, if it is an image. */
    Optional<WordPressPost.Image> byId(long assetId, String altText);

    /** The bytes of a stored picture; fails when the file is no longer there. */
    byte[] read(WordPressPost.Image image) throws IOException;
}
