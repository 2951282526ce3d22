package vn.herald.channel;

import vn.herald.content.Piece;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Speaks one platform. Knows its requests, answers and error codes; classifies every failure into a
 * {@link SendResult}. Never reads the calendar.
 */
public interface ChannelAdapter {

    ChannelType type();

    /**
     * Whether this adapter speaks for the channel. One type may have several platforms (the built-in
     * portal and a WordPress portal are both EPORTAL); the channel file tells them apart.
     */
    default boolean serves(Channel channel) {
        return channel.type() == type();
    }

    /**
     * Binds and checks the channel file's own settings, when the file is imported: throws {@link BadSetting} naming
     * the key, so the import reports the file and line. The common keys are checked before; nothing more by default.
     */
    default void checkSettings(Channel channel) {
    }

    /**
     * What stops this piece on this channel as it is: the platform would refuse it whatever Herald sends. Scheduling
     * refuses the channel while the list is not empty and the preview shows it, so both say the same thing. Nothing by
     * default.
     */
    default List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return List.of();
    }

    /** Freezes what will be sent for this piece on this channel. */
    Payload render(Piece piece, Channel channel);

    /**
     * Whether the platform refuses a post whose text it already has (Facebook, error 506): a deliberate repeat there
     * must read differently, or publishing refuses it before anything is sent.
     */
    default boolean refusesIdenticalText() {
        return false;
    }

    /** What readers would see for a rendered payload, for the editors' side-by-side preview; sends nothing. */
    default ChannelPreview look(Payload payload, Channel channel) {
        return new ChannelPreview(payload.summary(), null, null, null, null, null, null, false, payload.warnings());
    }

    /**
     * The sound listeners would hear for a rendered payload (the recording, or speech made from the text), for the
     * preview's player; empty where the channel plays nothing or a person reads live.
     */
    default Optional<PreviewSound> sound(Payload payload, Channel channel) {
        return Optional.empty();
    }

    /**
     * What people must know about the channel as configured, in Vietnamese, shown on the channels page (e.g. that an
     * unaudited TikTok client posts only privately). Nothing by default.
     */
    default List<String> notes(Channel channel) {
        return List.of();
    }

    /** When the credential the channel posts with stops working, where the platform's tokens expire (Zalo). */
    default Optional<Instant> credentialExpiresAt(Channel channel) {
        return Optional.empty();
    }

    /** The exact requests a send would make, for dry-run; secrets masked. */
    List<OutgoingRequest> preview(Delivery delivery);

    /** Sends for real. Must not throw for platform trouble: every failure is a classified result. */
    SendResult send(Delivery delivery);

    /** Looks on the platform for a post an interrupted attempt may have made, before anything is sent again. */
    Optional<SendResult.Sent> findExisting(Delivery delivery);

    /**
     * Whether cancelling a PUBLISHED publication takes the piece off the channel (the built-in portal stops showing
     * it). Platforms that keep the post answer false, and such a cancellation is refused rather than pretended.
     */
    default boolean withdrawsOnCancel() {
        return false;
    }

    /**
     * The starts of the channel's broadcast sessions in [from, to), for a channel that only goes out in sessions (the
     * loudspeakers); empty for a channel that publishes whenever it is asked. Campaigns plan "every session day" by it.
     */
    default Optional<List<Instant>> sessionStarts(Channel channel, Instant from, Instant to, ZoneId zone) {
        return Optional.empty();
    }

    /** After this instant sending is pointless; empty means the end of the planned day in the unit's zone. */
    default Optional<Instant> deadline(Instant plannedAt, Channel channel, ZoneId zone) {
        return Optional.empty();
    }

    /**
     * Reads back what the platform knows of the channel's audience and of these posts, as of now. The collector calls it
     * once a day per live channel, with at most {@link #postsPerEngagementCall()} posts per call and within
     * {@link #engagementCallsPerHour(Channel)}. Empty figures where the platform tells nothing.
     */
    default EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        return new EngagementReading.Figures(java.util.Map.of(), java.util.Map.of());
    }

    /** How many posts one engagement read may ask about (the platform's batch size). */
    default int postsPerEngagementCall() {
        return 50;
    }

    /**
     * How many engagement reads an hour this channel may make without eating into the budget publishing needs (the
     * platform's documented limit, less a margin for posting).
     */
    default int engagementCallsPerHour(Channel channel) {
        return 60;
    }
}
