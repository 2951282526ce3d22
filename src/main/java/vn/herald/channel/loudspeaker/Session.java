package vn.herald.channel.loudspeaker;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One broadcast session on a given day: its local start (for names and people) and its instants. */
public record Session(LocalDateTime localStart, Instant start, Instant end) {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmm");

    /** Names the session's folder and its address on a broadcast server, e.g. {@code 2027-05-17_1700}. */
    public String id() {
        return ID.format(localStart);
    }

    public Duration length() {
        return Duration.between(start, end);
    }
}
