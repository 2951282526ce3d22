package vn.herald.support;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Shows in {@code /health} what time the service lives in, and whether that is shifted from the real time. */
@Singleton
class ClockHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final Clock clock;

    ClockHealth(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        Instant now = clock.instant();
        Duration shift = Duration.between(Instant.now(), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("now", now.toString());
        // under a second of difference is the time it took to read both clocks
        boolean shifted = shift.abs().compareTo(Duration.ofSeconds(1)) > 0;
        details.put("shifted", shifted);
        if (shifted) {
            details.put("shiftSeconds", shift.toSeconds());
        }
        return details;
    }

    @Override
    protected String getName() {
        return "clock";
    }
}
