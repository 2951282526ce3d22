package vn.herald.channel.loudspeaker;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The playlist of one session (or of one emergency broadcast, which has no length): the items in playing order,
 * and those that did not fit.
 *
 * @param length {@code null} for an emergency broadcast, which goes out at once, outside the sessions
 */
public record Programme(String channelId, String channelName, String id, Instant start, @Nullable Instant end,
                        @Nullable Duration length, List<Item> items, List<Item> overflow) {

    /** One piece in the playlist. */
    public record Item(long publicationId, long pieceId, String title, Priority priority, Instant plannedAt,
                       String script, Sound sound) {

        public boolean readLive() {
            return sound instanceof Sound.ReadLive;
        }
    }

    public Duration total() {
        return items.stream().map(item -> item.sound().duration()).reduce(Duration.ZERO, Duration::plus);
    }

    /** Time left in the session; zero for an emergency broadcast. */
    public Duration free() {
        return length == null ? Duration.ZERO : length.minus(total());
    }

    public boolean emergency() {
        return length == null;
    }
}
