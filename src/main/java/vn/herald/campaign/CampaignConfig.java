package vn.herald.campaign;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.time.LocalTime;

/** How campaigns launch and fill themselves. */
@ConfigurationProperties("herald.campaign")
public record CampaignConfig(
        // false: no sweep; campaigns are only made through the API
        @Bindable(defaultValue = "true") boolean sweepEnabled,
        // time from the end of one sweep to the start of the next; hourly, so a window opening at midnight is launched
        // well before the first day's posts, and newly approved pieces reach empty slots within the hour
        @Bindable(defaultValue = "1h") @NotNull Duration sweepInterval,
        // local time of a campaign's daily post on channels without sessions (Facebook, Zalo, the portal)
        @Bindable(defaultValue = "08:00") @NotNull LocalTime publishTime,
        // units a sweep launches and fills at once, each in its own transaction; bounded so a national sweep leaves
        // connections of the pool (10 by default) to the dispatcher and the pages
        @Bindable(defaultValue = "4") @Min(1) int sweepThreads) {}
