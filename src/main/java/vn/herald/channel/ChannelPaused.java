package vn.herald.channel;

/** Published inside the transaction that pauses a channel, so the unit's editors can be told. */
public record ChannelPaused(String channelId, String unitCode, String name, String reason) {}
