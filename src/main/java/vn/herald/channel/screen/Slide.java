package vn.herald.channel.screen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One slide of a screen's loop, frozen when the piece is scheduled on the screen: {@code kind} says how the kiosk
 * draws it (an infographic's picture, an article's title and summary, a radio script's text, a video), {@code
 * imageSha256} names a stored picture (a video's poster), {@code seconds} how long it stays (a video's own length).
 * {@code videoSha256} and {@code captionsSha256} are a video slide's file and WebVTT captions; slides frozen before
 * screens played videos have neither.
 */
@Serdeable
public record Slide(long pieceId, Kind kind, String title, @Nullable String text, @Nullable String imageSha256,
                    @Nullable String imageAlt, int seconds, @Nullable String videoSha256,
                    @Nullable String captionsSha256) {

    /** A slide without a video. */
    public Slide(long pieceId, Kind kind, String title, @Nullable String text, @Nullable String imageSha256,
                 @Nullable String imageAlt, int seconds) {
        this(pieceId, kind, title, text, imageSha256, imageAlt, seconds, null, null);
    }

    /** How the kiosk draws a slide; a new piece kind that a screen can show adds its own here. */
    public enum Kind { INFOGRAPHIC, ARTICLE, SCRIPT, VIDEO }
}
