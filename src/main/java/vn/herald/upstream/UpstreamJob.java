package vn.herald.upstream;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.herald.publishing.RecurringJob;

import java.time.Duration;

/** Reads the upstream feeds on the schedule, on one instance at a time. */
@Singleton
@Requires(property = "herald.upstream.enabled", notEquals = "false")
class UpstreamJob implements RecurringJob {

    // a provider: the publication queue takes every job at start, and the feeds' reader (Rome, the HTTP client) is
    // made only when the first fetch runs, off the start's path
    private final Provider<UpstreamFeeds> feeds;
    private final UpstreamConfig config;

    UpstreamJob(Provider<UpstreamFeeds> feeds, UpstreamConfig config) {
        this.feeds = feeds;
        this.config = config;
    }

    @Override
    public String name() {
        return "upstream-feeds";
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    public void run() {
        feeds.get().fetchAll();
    }
}
