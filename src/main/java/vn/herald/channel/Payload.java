package vn.herald.channel;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Exactly what will be sent, frozen when a publication is scheduled: {@code body} is the adapter's own
 * rendering (usually JSON), {@code summary} one line for people (e.g. the first words of a post), and
 * {@code warnings} what the rendering had to change to fit the platform (a trimmed title), shown on the
 * publication.
 */
@Serdeable
public record Payload(String body, String summary, List<String> warnings) {

    public Payload {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public Payload(String body, String summary) {
        this(body, summary, List.of());
    }

    /** The warnings as one text for people, or null when there are none. */
    public String warningText() {
        return warnings.isEmpty() ? null : String.join("\n", warnings);
    }
}
