package vn.herald.channel;

import io.micronaut.serde.annotation.Serdeable;

/**
 * Exactly what will be sent, frozen when a publication is scheduled: {@code body} is the adapter's own
 * rendering (usually JSON), {@code summary} one line for people (e.g. the first words of a post).
 */
@Serdeable
public record Payload(String body, String summary) {}
