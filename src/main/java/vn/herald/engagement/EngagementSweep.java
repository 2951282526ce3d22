package vn.herald.engagement;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import vn.herald.publishing.RecurringJob;

import java.time.Duration;

/** The collection's pass, every {@code herald.engagement.tick}, on one instance at a time. */
@Singleton
class EngagementSweep implements RecurringJob {

    // a provider: the publication queue takes every job when it is made, and the collector reads through publishing
    private final Provider<EngagementCollector> collector;
    private final EngagementConfig config;

    EngagementSweep(Provider<EngagementCollector> collector, EngagementConfig config) {
        this.collector = collector;
        this.config = config;
    }

    @Override
    public String name() {
        return "engagement-collection";
    }

    @Override
    public Duration interval() {
        return config.tick();
    }

    @Override
    public void run() {
        collector.get().collect();
    }
}
