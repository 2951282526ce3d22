package vn.herald.publishing;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.Map;

/**
 * What a publication event records: a stable code, its values by name, and words for people where there are some.
 * The pages turn each code into a sentence from the message bundle ({@code ptrail.<code>}); the API keeps the code.
 */
record EventNote(String code, Map<String, String> data, @Nullable String reason) {

    static EventNote of(String code) {
        return new EventNote(code, Map.of(), null);
    }

    static EventNote because(String code, @Nullable String reason) {
        return new EventNote(code, Map.of(), reason);
    }

    /** Put on the calendar for {@code at}. */
    static EventNote scheduled(Instant at) {
        return new EventNote("scheduled", Map.of("at", at.toString()), null);
    }

    /** Moved by a person from one planned time to another. */
    static EventNote moved(Instant from, Instant to) {
        return new EventNote("moved", Map.of("from", from.toString(), "to", to.toString()), null);
    }

    /** Moved by the channel's own planner (a full loudspeaker session), with its warning. */
    static EventNote deferred(Instant to, String warning) {
        return new EventNote("deferred", Map.of("to", to.toString()), warning);
    }

    static EventNote attempt(int number) {
        return new EventNote("attempt", Map.of("number", Integer.toString(number)), null);
    }

    static EventNote interrupted(int number) {
        return new EventNote("interrupted", Map.of("number", Integer.toString(number)), null);
    }

    static EventNote expired(Instant deadline) {
        return new EventNote("expired", Map.of("deadline", deadline.toString()), null);
    }

    static EventNote published(String externalId) {
        return new EventNote("published", Map.of("externalId", externalId), null);
    }

    static EventNote retryAt(Instant next, String reason) {
        return new EventNote("retry-wait", Map.of("at", next.toString()), reason);
    }

    static EventNote payloadRemade(int revision, int was) {
        return new EventNote("payload-remade", Map.of("revision", Integer.toString(revision), "was", Integer.toString(was)),
                null);
    }
}
