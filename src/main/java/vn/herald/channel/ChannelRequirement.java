package vn.herald.channel;

/**
 * A channel's hard requirement a piece does not meet (Zalo's cover, Facebook's text limit): scheduling on the channel
 * is refused with this code and message, and the preview shows the same words.
 *
 * @param code    stable, for clients and tests, e.g. {@code zalo-cover-required}
 * @param message what a person reads, in Vietnamese, naming the channel and what to do
 */
public record ChannelRequirement(String code, String message) {}
