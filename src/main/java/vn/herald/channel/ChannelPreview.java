package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.List;

/**
 * What readers of a channel would see for a frozen payload, drawn for editors before anything is sent: a title, the
 * text or sanitised HTML, a picture, a link and, for the loudspeakers, how long it plays and whether there is a sound
 * to play ({@code audible}: a recording, or speech the channel makes from the text).
 */
public record ChannelPreview(String title, @Nullable String text, @Nullable String html, @Nullable String imageUrl,
                             @Nullable String imageAlt, @Nullable String link, @Nullable Duration duration,
                             boolean audible, List<String> warnings) {

    public ChannelPreview {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
