package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Optional;

/** What a platform made of a send, in the domain's words: the dispatcher never sees HTTP. */
public sealed interface SendResult permits SendResult.Sent, SendResult.RetryLater, SendResult.NeedsAttention, SendResult.Permanent {

    /** Published: the platform's id and the address where a reader sees it. */
    record Sent(String externalId, @Nullable String url) implements SendResult {}

    /** A passing trouble (rate limit, outage, timeout); {@code hint} is the platform's own wait when it gives one. */
    record RetryLater(Optional<Duration> hint, String reason) implements SendResult {}

    /** A person must act before anything more is sent on this channel: expired token, lost permission, policy block. */
    record NeedsAttention(String reason) implements SendResult {}

    /** The platform refused this content; sending it again would be refused again. */
    record Permanent(String reason) implements SendResult {}
}
