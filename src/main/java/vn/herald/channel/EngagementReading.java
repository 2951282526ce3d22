package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;
import vn.herald.support.RefusalCode;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one engagement read of a channel gave: figures, a plain statement that the platform has none to give (a
 * Facebook Page under 100 likes has no insights), or trouble classified as sending's is.
 */
public sealed interface EngagementReading {

    /**
     * Figures read: the channel's own ({@link Metric#ofChannel()}) and each post's by publication id. A post the platform
     * no longer knows is left out, not counted as zero.
     */
    record Figures(Map<Metric, Long> channel, Map<Long, Map<Metric, Long>> posts) implements EngagementReading {
        public Figures {
            channel = Map.copyOf(channel);
            posts = Map.copyOf(posts);
        }
    }

    /** The platform gives no such figures for this channel, for a reason a person should read (its code's text). */
    record NotAvailable(RefusalCode code, List<Object> args) implements EngagementReading {
        public NotAvailable(RefusalCode code, Object... args) {
            this(code, Arrays.asList(args));
        }
    }

    /** A passing trouble (rate limit, outage): read again after {@code after}. */
    record RetryLater(Duration after, String reason) implements EngagementReading {}

    /** A person must act (expired token, lost permission); nothing more is read on the channel until then. */
    record NeedsAttention(String reason) implements EngagementReading {}

    /** The wait when a platform's trouble names none. */
    Duration DEFAULT_WAIT = Duration.ofHours(1);

    /** Sending's classification of a refused call, as a reading: a person, a wait, or a refusal shown as such. */
    static EngagementReading of(SendResult failure) {
        if (failure instanceof SendResult.NeedsAttention attention) {
            return new NeedsAttention(attention.reason());
        }
        if (failure instanceof SendResult.RetryLater later) {
            return new RetryLater(later.hint().orElse(DEFAULT_WAIT), later.reason());
        }
        String reason = failure instanceof SendResult.Permanent permanent ? permanent.reason() : failure.toString();
        return new NotAvailable(RefusalCode.ENGAGEMENT_REFUSED, reason);
    }

    /** A count as platforms write it: a JSON number, or a string of digits (YouTube); empty for anything else. */
    static Optional<Long> count(@Nullable Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.parseLong(s.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
