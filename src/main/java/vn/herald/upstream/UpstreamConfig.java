package vn.herald.upstream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** How upstream feeds are read. */
@ConfigurationProperties("herald.upstream")
public record UpstreamConfig(
        // false: the feeds are read only when someone asks (POST /api/upstream-feeds/fetch)
        @Bindable(defaultValue = "true") boolean enabled,
        // time between the end of one scheduled reading of every feed and the start of the next
        @Bindable(defaultValue = "1h") @NotNull Duration interval,
        @Bindable(defaultValue = "10s") @NotNull Duration connectTimeout,
        @Bindable(defaultValue = "30s") @NotNull Duration readTimeout,
        // the whole download of one feed, however slowly it trickles in
        @Bindable(defaultValue = "60s") @NotNull Duration callTimeout,
        // a feed larger than this is refused, so a wrong URL (a video, a dump) cannot fill the memory
        @Bindable(defaultValue = "5242880") @Min(1024) long maxBytes,
        // newest items taken from one feed per reading; older ones were seen before or are stale news
        @Bindable(defaultValue = "30") @Min(1) int maxItemsPerFeed) {}
