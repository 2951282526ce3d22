package vn.herald.publishing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** How the dispatcher works. */
@ConfigurationProperties("herald.publishing")
public record PublishingConfig(
        // first wait after a retryable failure; doubles each time, with jitter
        @Bindable(defaultValue = "30s") @NotNull Duration retryBase,
        // never wait longer than this between tries
        @Bindable(defaultValue = "30m") @NotNull Duration retryCap,
        // how often each instance looks for due publications
        @Bindable(defaultValue = "500ms") @NotNull Duration pollingInterval,
        // dispatch threads per instance: most of their time is spent waiting for a platform or for their batch's
        // commit, so there are enough for sends to many channels at once (each channel keeps its own cap below)
        @Bindable(defaultValue = "32") @Min(1) int threads,
        // most attempts, or most results, written in one transaction (Dispatcher, GroupCommit)
        @Bindable(defaultValue = "100") @Min(1) int batchSize,
        // how often a running dispatch says it is alive; another instance takes a silent one over after six of these,
        // and a restarted instance takes back its own after one and a half (PublicationQueue)
        @Bindable(defaultValue = "5s") @NotNull Duration heartbeatInterval,
        // sends one channel may have in flight on this instance: a hanging platform holds at most this many threads;
        // a dispatch that finds them all taken waits up to 250 ms for one, then gives its publication back for 1 s
        @Bindable(defaultValue = "2") @Min(1) int maxInFlightPerChannel,
        // false leaves the scheduler stopped (tests that drive the dispatcher themselves)
        @Bindable(defaultValue = "true") boolean schedulerEnabled,
        // nothing is planned further ahead than this from now: a year 999999 is a typing mistake, not a plan
        @Bindable(defaultValue = "1096d") @NotNull Duration maxAhead,
        // this instance's name in the queue, unique among live instances and the same across its restarts, so a
        // restarted instance knows which interrupted sends were its own; blank means the host name
        @Nullable String instanceName) {}
