package vn.herald.engagement;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.LocalTime;

/** The nightly engagement collection (docs/engagement.md). */
@ConfigurationProperties("herald.engagement")
public record EngagementConfig(
        // posts published in this many days before the night are read again each night
        @Bindable(defaultValue = "28") @Min(1) @Max(365) int lookbackDays,
        // the nightly window, unit time: runs open at its start, no call starts after its end
        @Bindable(defaultValue = "01:00") @NotNull LocalTime windowStart,
        @Bindable(defaultValue = "05:00") @NotNull LocalTime windowEnd,
        // time from the end of one collection pass to the start of the next
        @Bindable(defaultValue = "1m") @NotNull Duration tick,
        // how long one instance holds a channel's run for a call; a crashed instance's claim lapses after it
        @Bindable(defaultValue = "10m") @NotNull Duration claimFor,
        // the wait after a reader that threw (a bug or an unexpected answer), before it is tried again
        @Bindable(defaultValue = "30m") @NotNull Duration retryAfterError) {}
