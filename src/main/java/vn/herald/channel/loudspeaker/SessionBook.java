package vn.herald.channel.loudspeaker;

import vn.herald.channel.Payload;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the loudspeaker adapter needs to know about publications, which only the publishing side holds. Implemented
 * in {@code vn.herald.broadcast}, so that channel code never depends on publishing.
 */
public interface SessionBook {

    /**
     * A loudspeaker publication as a programme sees it; {@code delivered} when an earlier programme already carried it
     * to the stations (published, or an interrupted attempt that may have been).
     */
    record Entry(long publicationId, Priority priority, Instant plannedAt, boolean delivered, Payload payload) {}

    Entry entry(long publicationId);

    /** The channel's publications planned in (after, upTo], except cancelled, expired or waiting for a person. */
    List<Entry> planned(String channelId, Instant after, Instant upTo);

    /**
     * Runs {@code work} holding the session's lock, in one transaction: on every instance, one build of a session at a
     * time, and the moves and warnings it records commit with it.
     */
    <T> T underLock(String channelId, Instant sessionStart, Supplier<T> work);

    /** Moves a publication that did not fit its session to a later planned time, with a warning people see. */
    void moveTo(long publicationId, Instant plannedAt, String warning);

    /** Leaves a warning on the publication (once; the same warning again changes nothing). */
    void warn(long publicationId, String warning);
}
