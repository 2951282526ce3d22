package vn.herald.upstream;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.herald.publishing.RecurringJob;

import java.time.Duration;

/** Reads the upstream feeds on the schedule, on one instance at a time. */
@Singleton
@Requires(property = "herald.upstream.enabled", notEquals = "false")
class UpstreamJob implements RecurringJob {

    private final UpstreamFeeds feeds;
    private final UpstreamConfig config;

    UpstreamJob(UpstreamFeeds feeds, UpstreamConfig config) {
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
        feeds.fetchAll();
    }
}
