package vn.herald.channel.platform;

import java.time.Duration;

/**
 * How long one call to a platform may take: to connect, between two reads (also writes), and in all. Each channel
 * file sets its own.
 */
public record Timeouts(Duration connect, Duration read, Duration call) {

    /** One duration for connecting and reading, and twice that for the whole call. */
    public static Timeouts of(Duration each) {
        return new Timeouts(each, each, each.multipliedBy(2));
    }
}
