package vn.herald.publishing;

import vn.herald.support.JsonText;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.Channels;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.exposure.ServerPaths;
import vn.herald.publishing.PublicationStore.Outcome;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Sends one due publication: checks, records the attempt, calls the adapter, records the result. Answers when to
 * look at the publication again, or nothing when it is settled (or waits for a person). Many dispatch threads run
 * this at once; the attempts they are about to make, and the results they got, are each written in one transaction
 * per batch ({@link GroupCommit}), and a thread calls the platform only once its attempt's batch has committed.
 */
@Singleton
public class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration BUSY_CHANNEL_WAIT = Duration.ofSeconds(1);
    // A channel busy with fast sends frees a slot within milliseconds: waiting that long costs nothing, whereas giving
    // the publication back costs a reschedule, a poll and a pick each time (a burst on one channel was picked about
    // seven times per send). A channel whose slots stay taken this long is slow or hanging: then the thread is only
    // held this long and the publication goes back for BUSY_CHANNEL_WAIT, so such a platform keeps at most
    // maxInFlightPerChannel threads, plus waiters for at most this bound each.
    private static final Duration SLOT_WAIT = Duration.ofMillis(250);

    private final PublicationStore store;
    private final Channels channels;
    private final ChannelAdapters adapters;
    private final RateLimits rateLimits;
    private final Backoff backoff;
    private final JsonMapper json;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final int maxInFlightPerChannel;
    private final ServerPaths paths;
    private final Map<String, Semaphore> inFlight = new ConcurrentHashMap<>();
    // the attempts of the sends about to start, and the results of those just answered, each written together with
    // whatever other threads hand in meanwhile: one commit per batch instead of one per send
    private final GroupCommit<Publication, Optional<PublicationStore.Begun>> attempts;
    private final GroupCommit<PublicationStore.Finish, Publication> results;

    Dispatcher(PublicationStore store, Channels channels, ChannelAdapters adapters, RateLimits rateLimits,
               PublishingConfig config, JsonMapper json, Clock clock, ServerPaths paths) {
        this.paths = paths;
        this.store = store;
        this.channels = channels;
        this.adapters = adapters;
        this.rateLimits = rateLimits;
        this.backoff = new Backoff(config.retryBase(), config.retryCap(), () -> ThreadLocalRandom.current().nextDouble());
        this.json = json;
        this.clock = clock;
        this.maxInFlightPerChannel = config.maxInFlightPerChannel();
        this.attempts = new GroupCommit<>("herald-dispatch-attempts", config.batchSize(),
                batch -> store.beginAttempts(batch, node));
        this.results = new GroupCommit<>("herald-dispatch-results", config.batchSize(), store::finishAll);
    }

    public Optional<Instant> dispatch(long publicationId) {
        Optional<Publication> found = store.find(publicationId);
        if (found.isEmpty() || !found.get().status().pending()) {
            return Optional.empty();
        }
        Publication publication = found.get();
        Instant now = clock.instant();
        if (publication.status() == PublicationStatus.SENDING) {
            // the attempt before this one never recorded its result: the platform may have the post
            publication = store.move(publication, PublicationStatus.UNKNOWN, PublicationStore.DISPATCHER,
                    EventNote.interrupted(publication.attempts()));
        }
        if (now.isAfter(publication.deadline())) {
            expireUnlessFound(publication);
            return Optional.empty();
        }
        Instant due = publication.nextAttemptAt() != null ? publication.nextAttemptAt() : publication.plannedAt();
        if (due.isAfter(now)) {
            return Optional.of(due);
        }
        Channel channel = channels.get(publication.channelId());
        if (channel.paused()) {
            return waitForResume(publication, channel);
        }
        ChannelAdapter adapter = adapters.forChannel(channel).orElseThrow(() ->
                new IllegalStateException("no adapter for channel type " + channel.type()));
        // fair: waiters take freed slots in turn, so none of them gives up while others are served
        Semaphore slots = inFlight.computeIfAbsent(channel.id(), id -> new Semaphore(maxInFlightPerChannel, true));
        if (!acquire(slots)) {
            // this channel already holds its share of dispatch threads (a slow platform): leave them to the others
            return Optional.of(clock.instant().plus(BUSY_CHANNEL_WAIT));
        }
        try {
            Instant started = clock.instant();
            if (started.isAfter(publication.deadline())) {
                // the deadline passed while this waited for a slot: the next look expires it
                return Optional.of(started);
            }
            return dispatchOn(publication, channel, adapter, started);
        } finally {
            slots.release();
        }
    }

    /** Waits without burning an attempt; resuming the channel puts the publication back in the queue. */
    private Optional<Instant> waitForResume(Publication publication, Channel channel) {
        store.update(publication.withResult(publication.externalId(), publication.externalUrl(), null,
                "Kênh đang tạm dừng: " + channel.pausedReason(), publication.dryRunRequest()), PublicationStore.DISPATCHER,
                EventNote.because("waiting-paused", channel.pausedReason()));
        return Optional.empty();
    }

    private static boolean acquire(Semaphore slots) {
        try {
            return slots.tryAcquire(SLOT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            // the scheduler is stopping: give the publication back untouched
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Past the deadline nothing is sent; an interrupted attempt that did reach the platform still counts. */
    private void expireUnlessFound(Publication publication) {
        Channel channel = channels.get(publication.channelId());
        Optional<SendResult.Sent> existing = Optional.empty();
        if (publication.status() == PublicationStatus.UNKNOWN && channel.mode() == ChannelMode.LIVE) {
            try {
                existing = notHeldByAnother(publication,
                        adapters.forChannel(channel).flatMap(adapter -> adapter.findExisting(deliveryOf(publication, channel))));
            } catch (ChannelNeedsAttention e) {
                LOG.warn("Publication {}: looking on {} for an earlier post needs a person: {}", publication.id(), channel.id(), e.reason());
                channels.pause(channel.id(), paths.hide(e.reason()));
            } catch (RuntimeException e) {
                LOG.warn("Publication {}: could not look on {} for an earlier post: {}", publication.id(), channel.id(), e.toString());
            }
        }
        if (existing.isPresent()) {
            store.move(publication.withResult(existing.get().externalId(), existing.get().url(), null, null, null),
                    PublicationStatus.PUBLISHED, PublicationStore.DISPATCHER, EventNote.of("found"));
        } else {
            store.move(publication, PublicationStatus.EXPIRED, PublicationStore.DISPATCHER,
                    EventNote.expired(publication.deadline()));
        }
    }

    /**
     * A post found for an interrupted attempt, unless another publication already holds it: a repeat of the same text,
     * or another piece that looks alike, was published before, and that post is not this one's.
     */
    private Optional<SendResult.Sent> notHeldByAnother(Publication publication, Optional<SendResult.Sent> found) {
        if (found.isPresent() && store.heldByAnother(publication, found.get().externalId())) {
            LOG.warn("Publication {}: the post {} found on {} belongs to another publication; not taken as this one's",
                    publication.id(), found.get().externalId(), publication.channelId());
            return Optional.empty();
        }
        return found;
    }

    private Delivery deliveryOf(Publication publication, Channel channel) {
        Instant attemptStarted = store.lastAttempt(publication).map(Attempt::startedAt).orElse(publication.plannedAt());
        return new Delivery(publication.id(), payloadOf(publication), channel, publication.attempts(), attemptStarted);
    }

    private Optional<Instant> dispatchOn(Publication publication, Channel channel, ChannelAdapter adapter, Instant now) {
        Optional<Duration> wait = rateLimits.acquire(channel);
        if (wait.isPresent()) {
            return Optional.of(now.plus(wait.get()));
        }
        if (publication.status() == PublicationStatus.UNKNOWN && channel.mode() == ChannelMode.LIVE) {
            Optional<SendResult.Sent> existing;
            try {
                existing = notHeldByAnother(publication, adapter.findExisting(deliveryOf(publication, channel)));
            } catch (ChannelNeedsAttention e) {
                // a refused refresh while looking: nothing more is tried on the channel until a person resumes it
                LOG.warn("Publication {}: looking on {} for an earlier post needs a person: {}", publication.id(), channel.id(), e.reason());
                return waitForResume(publication, channels.pause(channel.id(), paths.hide(e.reason())));
            } catch (RuntimeException e) {
                LOG.warn("Publication {}: could not look on {} for an earlier post: {}", publication.id(), channel.id(), e.toString());
                return Optional.of(now.plus(backoff.after(Math.max(1, publication.attempts()), Optional.empty())));
            }
            if (existing.isPresent()) {
                store.move(publication.withResult(existing.get().externalId(), existing.get().url(), null, null, null),
                        PublicationStatus.PUBLISHED, PublicationStore.DISPATCHER, EventNote.of("found"));
                return Optional.empty();
            }
        }
        return send(publication, channel, adapter);
    }

    private Optional<Instant> send(Publication publication, Channel channel, ChannelAdapter adapter) {
        Optional<PublicationStore.Begun> begun = attempts.submit(publication);
        if (begun.isEmpty()) {
            // the channel paused after this publication was claimed: it waits, with no attempt spent
            return waitForResume(publication, channels.get(channel.id()));
        }
        Attempt attempt = begun.get().attempt();
        publication = begun.get().publication();
        Delivery delivery = new Delivery(publication.id(), payloadOf(publication), channel, attempt.number(), attempt.startedAt());
        if (channel.mode() == ChannelMode.DRY_RUN) {
            String preview = paths.hide(JsonText.of(json, adapter.preview(delivery).stream().map(OutgoingRequest::withoutSecrets).toList()));
            finish(attempt, "DRY_RUN", null, current -> new Outcome(current.withResult(null, null, null, null, preview),
                    PublicationStatus.PUBLISHED, EventNote.of("dry-run")));
            return Optional.empty();
        }
        SendResult result;
        try {
            result = adapter.send(delivery).withReasonShown(paths::hide);
        } catch (ChannelNeedsAttention e) {
            // the platform may have the post (e.g. Zalo accepted the article, then refused the token refresh): it is
            // looked for when a person has resumed the channel, before anything is sent again
            String reason = paths.hide(e.reason());
            finish(attempt, "UNKNOWN", reason, current -> new Outcome(current.withResult(null, null, null, reason, null),
                    PublicationStatus.UNKNOWN, EventNote.because("unknown-needs-person", reason)));
            channels.pause(channel.id(), reason);
            return Optional.empty();
        } catch (RuntimeException e) {
            // an adapter that throws may have sent: reconcile before trying again
            LOG.warn("Publication {}: adapter for {} failed: {}", publication.id(), channel.id(), e.toString());
            Instant next = clock.instant().plus(backoff.after(attempt.number(), Optional.empty()));
            String failure = paths.hide(e.toString());
            finish(attempt, "UNKNOWN", failure, current -> new Outcome(current.withResult(null, null, next, failure, null),
                    PublicationStatus.UNKNOWN, EventNote.because("unknown-failed", failure)));
            return Optional.of(next);
        }
        if (!(result instanceof SendResult.Sent)) {
            // the pages explain a failure in their own words; its full text is kept here for the admin
            LOG.warn("Publication {}: attempt {} on {} answered {}", publication.id(), attempt.number(), channel.id(), result);
        }
        if (result instanceof SendResult.Sent sent) {
            finish(attempt, "SENT", sent.externalId(), current -> new Outcome(
                    current.withResult(sent.externalId(), sent.url(), null, null, null)
                            .withWarning(sent.warningAfter(current.warning())),
                    PublicationStatus.PUBLISHED, EventNote.published(sent.externalId())));
            return Optional.empty();
        }
        if (result instanceof SendResult.RetryLater later) {
            Instant next = clock.instant().plus(backoff.after(attempt.number(), later.hint()));
            Publication finished = finish(attempt, "RETRY_LATER", later.reason(), current -> next.isAfter(current.deadline())
                    ? new Outcome(current.withResult(null, null, null, later.reason(), null),
                    PublicationStatus.EXPIRED, EventNote.because("expired-retry", later.reason()))
                    : new Outcome(current.withResult(null, null, next, later.reason(), null),
                    PublicationStatus.RETRY_WAIT, EventNote.retryAt(next, later.reason())));
            return finished.status() == PublicationStatus.RETRY_WAIT ? Optional.of(next) : Optional.empty();
        }
        if (result instanceof SendResult.NeedsAttention attention) {
            finish(attempt, "NEEDS_ATTENTION", attention.reason(), current -> new Outcome(
                    current.withResult(null, null, null, attention.reason(), null),
                    PublicationStatus.NEEDS_ATTENTION, EventNote.because("needs-attention", attention.reason())));
            channels.pause(channel.id(), attention.reason());
            return Optional.empty();
        }
        SendResult.Permanent permanent = (SendResult.Permanent) result;
        finish(attempt, "PERMANENT", permanent.reason(), current -> new Outcome(
                current.withResult(null, null, null, permanent.reason(), null),
                PublicationStatus.NEEDS_ATTENTION, EventNote.because("refused", permanent.reason())));
        return Optional.empty();
    }

    /** Records the platform's answer with the others of its batch; answers the publication as it now stands. */
    private Publication finish(Attempt attempt, String outcome, String detail, Function<Publication, Outcome> decide) {
        return results.submit(new PublicationStore.Finish(attempt, outcome, detail, decide));
    }

    private static Payload payloadOf(Publication publication) {
        return new Payload(publication.payload(), publication.payloadSummary());
    }

}
