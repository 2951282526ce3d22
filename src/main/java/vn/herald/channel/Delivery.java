package vn.herald.channel;

import java.time.Instant;

/** One publication handed to an adapter: its frozen payload, the channel, and which attempt this is. */
public record Delivery(long publicationId, Payload payload, Channel channel, int attempt, Instant attemptStartedAt) {}
