package vn.herald.channel.video;

import io.micronaut.core.annotation.Nullable;
import vn.herald.content.Asset;

/**
 * The video a piece goes out as on a video channel (YouTube, TikTok, a screen): the file, its WebVTT captions and
 * poster where it has them, and what ffprobe read of it.
 */
public record PieceVideo(Asset video, @Nullable Asset captions, @Nullable Asset poster, double seconds, int width, int height) {

    public VideoShape shape() {
        return VideoShape.of(width, height);
    }
}
