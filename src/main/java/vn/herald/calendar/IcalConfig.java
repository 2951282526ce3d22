package vn.herald.calendar;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/** The iCalendar feeds: how far they reach, and the key that keeps their tokens readable for admins only. */
@ConfigurationProperties("herald.ical")
public record IcalConfig(
        // a feed reaches this far back and this far ahead of now, so calendar apps get a small file
        @Bindable(defaultValue = "90d") Duration past,
        @Bindable(defaultValue = "365d") Duration ahead,
        // an event's length when nothing better is known (a loudspeaker item lasts its read time)
        @Bindable(defaultValue = "15m") Duration eventLength,
        // HERALD_ICAL_KEY: 32 bytes in base64 that seal the tokens; without it a key file in the data folder
        @Nullable String key) {}
