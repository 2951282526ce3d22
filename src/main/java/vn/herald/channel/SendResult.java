package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** What a platform made of a send, in the domain's words: the dispatcher never sees HTTP. */
public sealed interface SendResult permits SendResult.Sent, SendResult.RetryLater, SendResult.NeedsAttention, SendResult.Permanent {

    /**
     * The same result with its reason passed through {@code shown} (the dispatcher keeps server paths out of the
     * reason an editor reads); a sent result has no reason and stays as it is.
     */
    default SendResult withReasonShown(UnaryOperator<String> shown) {
        if (this instanceof RetryLater later) {
            return new RetryLater(later.hint(), shown.apply(later.reason()));
        }
        if (this instanceof NeedsAttention attention) {
            return new NeedsAttention(shown.apply(attention.reason()));
        }
        if (this instanceof Permanent permanent) {
            return new Permanent(shown.apply(permanent.reason()));
        }
        return this;
    }

    /**
     * Published: the platform's id and the address where a reader sees it. {@code warning} is what the editor should
     * know without it being a failure, e.g. that the post's address could not be read back.
     */
    record Sent(String externalId, @Nullable String url, @Nullable String warning) implements SendResult {

        public Sent(String externalId, @Nullable String url) {
            this(externalId, url, null);
        }

        /** The publication's warning after this send: an earlier one is kept, this one added. */
        @Nullable
        public String warningAfter(@Nullable String earlier) {
            if (warning == null || warning.equals(earlier)) {
                return earlier;
            }
            return earlier == null ? warning : earlier + " " + warning;
        }
    }

    /** A passing trouble (rate limit, outage, timeout); {@code hint} is the platform's own wait when it gives one. */
    record RetryLater(Optional<Duration> hint, String reason) implements SendResult {}

    /** A person must act before anything more is sent on this channel: expired token, lost permission, policy block. */
    record NeedsAttention(String reason) implements SendResult {}

    /** The platform refused this content; sending it again would be refused again. */
    record Permanent(String reason) implements SendResult {}
}
