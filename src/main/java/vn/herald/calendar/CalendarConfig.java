package vn.herald.calendar;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import vn.herald.channel.ChannelType;

import java.time.Duration;

/**
 * The editorial calendar's settings. The per-week numbers are the default cadence of every channel of that type; a
 * channel file overrides its own with {@code cadence: {perWeek: 2, autofill: true}}. 0 means no rule.
 */
@ConfigurationProperties("herald.calendar")
public record CalendarConfig(
        @Bindable(defaultValue = "1") @Min(0) @Max(100) int loudspeakerPerWeek,
        @Bindable(defaultValue = "1") @Min(0) @Max(100) int eportalPerWeek,
        @Bindable(defaultValue = "0") @Min(0) @Max(100) int facebookPagePerWeek,
        @Bindable(defaultValue = "0") @Min(0) @Max(100) int zaloOaPerWeek,
        @Bindable(defaultValue = "0") @Min(0) @Max(100) int screenPerWeek,
        @Bindable(defaultValue = "0") @Min(0) @Max(100) int youtubePerWeek,
        @Bindable(defaultValue = "0") @Min(0) @Max(100) int tiktokPerWeek,
        // a current or coming week that starts within this much time and is short of its rule is at risk
        @Bindable(defaultValue = "7d") @NotNull Duration warningHorizon,
        // filled pieces go out at this hour, unit time, on the first day of the week not yet past
        @Bindable(defaultValue = "8") @Min(0) @Max(23) int fillHour,
        // time from the end of one autofill sweep to the start of the next
        @Bindable(defaultValue = "24h") @NotNull Duration sweepInterval) {

    public int perWeek(ChannelType type) {
        return switch (type) {
            case LOUDSPEAKER -> loudspeakerPerWeek;
            case EPORTAL -> eportalPerWeek;
            case FACEBOOK_PAGE -> facebookPagePerWeek;
            case ZALO_OA -> zaloOaPerWeek;
            case SCREEN -> screenPerWeek;
            case YOUTUBE -> youtubePerWeek;
            case TIKTOK -> tiktokPerWeek;
        };
    }
}
