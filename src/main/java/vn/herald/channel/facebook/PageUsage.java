package vn.herald.channel.facebook;

import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * How close each channel is to Facebook's throttling, from the usage headers of its last answers
 * ({@code X-App-Usage}, {@code X-Page-Usage}, {@code X-Business-Use-Case-Usage}: percentages, 100 = throttled).
 * <p>
 * Design: the adapter slows itself down instead of feeding the engine's limiter. When usage reaches the channel's
 * {@code usageSlowDownPercent}, or Facebook names a time to regain access, or throttles outright, the channel
 * rests until then (at least {@code usageCooldownMinutes}); a send during the rest answers RetryLater with the
 * time left, which the dispatcher already honours as the platform's own wait. No new engine API is needed, and
 * usage readings, which only Facebook's answers carry, stay where they are read. The rest is kept per instance:
 * each instance sees its own answers, and the engine's shared rate limit still holds for all of them.
 */
final class PageUsage {

    private static final Logger LOG = LoggerFactory.getLogger(PageUsage.class);
    private static final String[] FLAT_HEADERS = {"X-App-Usage", "X-Page-Usage", "X-Ad-Account-Usage"};
    private static final String BUSINESS_HEADER = "X-Business-Use-Case-Usage";

    /** What the headers of one answer say: the highest percentage and the longest wait Facebook announced. */
    record Reading(int percent, Duration regain) {
        static final Reading NONE = new Reading(0, Duration.ZERO);
    }

    private final Map<String, Instant> restUntil = new ConcurrentHashMap<>();
    private final JsonMapper json;

    PageUsage(JsonMapper json) {
        this.json = json;
    }

    /** How long the channel should still rest, if it should. */
    Optional<Duration> rest(String channelId, Instant now) {
        Instant until = restUntil.get(channelId);
        return until != null && until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
    }

    /** Notes the usage an answer reports; answers the rest it starts, if any. */
    Optional<Duration> record(FacebookSettings settings, Function<String, String> headers, boolean throttled, Instant now) {
        Reading reading = read(headers);
        boolean high = reading.percent() >= settings.usageSlowDownPercent();
        if (!high && !throttled && reading.regain().isZero()) {
            return Optional.empty();
        }
        Duration wait = reading.regain().compareTo(settings.usageCooldown()) > 0 ? reading.regain() : settings.usageCooldown();
        Instant until = now.plus(wait);
        restUntil.merge(settings.channelId(), until, (old, fresh) -> fresh.isAfter(old) ? fresh : old);
        LOG.info("Facebook channel {}: usage {}%{}; resting until {}", settings.channelId(), reading.percent(),
                throttled ? " (throttled)" : "", until);
        return Optional.of(wait);
    }

    Reading read(Function<String, String> headers) {
        int percent = 0;
        long regainMinutes = 0;
        for (String name : FLAT_HEADERS) {
            Map<?, ?> usage = object(headers.apply(name), name);
            percent = Math.max(percent, highest(usage));
            regainMinutes = Math.max(regainMinutes, number(usage.get("estimated_time_to_regain_access")));
        }
        for (Object entries : object(headers.apply(BUSINESS_HEADER), BUSINESS_HEADER).values()) {
            if (entries instanceof Iterable<?> list) {
                for (Object entry : list) {
                    if (entry instanceof Map<?, ?> usage) {
                        percent = Math.max(percent, highest(usage));
                        // documented in minutes, though the unit is not certain: waiting too long is the safe side
                        regainMinutes = Math.max(regainMinutes, number(usage.get("estimated_time_to_regain_access")));
                    }
                }
            }
        }
        return new Reading(percent, Duration.ofMinutes(regainMinutes));
    }

    private static int highest(Map<?, ?> usage) {
        long high = 0;
        for (String key : new String[]{"call_count", "total_cputime", "total_time", "acc_id_util_pct"}) {
            high = Math.max(high, number(usage.get(key)));
        }
        return (int) Math.min(high, 1000);
    }

    private Map<?, ?> object(String header, String name) {
        if (header == null || header.isBlank()) {
            return Map.of();
        }
        try {
            Map<?, ?> parsed = json.readValue(header, Map.class);
            return parsed == null ? Map.of() : parsed;
        } catch (IOException | RuntimeException e) {
            LOG.debug("unreadable {} header ignored: {}", name, e.toString());
            return Map.of();
        }
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return Math.max(0, (long) Math.ceil(n.doubleValue()));
        }
        return GraphErrors.integer(value).map(i -> Math.max(0L, i)).orElse(0L);
    }
}
