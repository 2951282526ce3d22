package vn.herald.support;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one clock every feature reads; tests replace it with a controlled one. {@code HERALD_CLOCK_START} starts it
 * at a chosen instant, from which it runs on normally, so a centre can rehearse a national day months ahead.
 */
@Factory
public class TimeSource {

    @Singleton
    Clock clock(@Nullable @Value("${herald.clock.start:}") String start) {
        Clock system = Clock.systemUTC();
        if (start == null || start.isBlank()) {
            return system;
        }
        try {
            OffsetDateTime at = OffsetDateTime.parse(start.trim());
            return Clock.offset(system, Duration.between(system.instant(), at.toInstant()));
        } catch (DateTimeParseException e) {
            throw new ConfigurationException("HERALD_CLOCK_START must be an instant with its offset, like "
                    + "2027-05-01T08:00:00+07:00; found '" + start + "'");
        }
    }
}
