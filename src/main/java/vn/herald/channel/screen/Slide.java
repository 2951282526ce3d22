package vn.herald.channel.screen;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One slide of a screen's loop, frozen when the piece is scheduled on the screen: {@code kind} says how the kiosk
 * draws it (an infographic's picture, an article's title and summary, a radio script's text), {@code imageSha256}
 * names a stored picture, {@code seconds} how long it stays.
 */
@Serdeable
public record Slide(long pieceId, Kind kind, String title, @Nullable String text, @Nullable String imageSha256,
                    @Nullable String imageAlt, int seconds) {

    /** How the kiosk draws a slide; a new piece kind that a screen can show adds its own here. */
    public enum Kind { INFOGRAPHIC, ARTICLE, SCRIPT }
}
