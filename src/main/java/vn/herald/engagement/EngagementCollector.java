package vn.herald.engagement;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.Channels;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.notice.NoticeKind;
import vn.herald.notice.Notices;
import vn.herald.publishing.Publishing;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Units;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The nightly collection: in each unit's window, one run per live channel and day; each run reads the channel's posts
 * of the last days in batches of the adapter's size, one call at a time, no faster than the adapter's calls per hour.
 * A run's progress (cursor, calls, next call) is in the database after every call, so a restart resumes it and never
 * reads a channel twice the same day; a claim with a lease keeps two instances off the same run.
 */
@Singleton
public class EngagementCollector {

    private static final Logger LOG = LoggerFactory.getLogger(EngagementCollector.class);
    // a paused channel's run waits this long before it looks again, until the window closes
    private static final Duration PAUSED_RECHECK = Duration.ofMinutes(15);
    private static final int DUE_BATCH = 500;

    /** What one pass did: runs opened, platform calls made. */
    public record Pass(int opened, int calls) {}

    private final Channels channels;
    private final ChannelAdapters adapters;
    // a provider: publishing's queue runs this collector as one of its jobs
    private final Provider<Publishing> publishing;
    private final Units units;
    private final Accounts accounts;
    private final Notices notices;
    private final EngagementStore store;
    private final EngagementConfig config;
    private final JsonMapper json;
    private final Clock clock;
    private final String instance = "engagement-" + UUID.randomUUID();

    EngagementCollector(Channels channels, ChannelAdapters adapters, Provider<Publishing> publishing, Units units,
                        Accounts accounts, Notices notices, EngagementStore store, EngagementConfig config, JsonMapper json,
                        Clock clock) {
        this.channels = channels;
        this.adapters = adapters;
        this.publishing = publishing;
        this.units = units;
        this.accounts = accounts;
        this.notices = notices;
        this.store = store;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** One pass: closes the runs past their window, opens tonight's, and makes every call that is due now. */
    public Pass collect() {
        Instant now = clock.instant();
        store.closeMissed(now);
        int opened = openRuns(now);
        int calls = 0;
        Set<String> seen = new HashSet<>();
        List<EngagementStore.Run> due;
        do {
            due = store.due(now, DUE_BATCH).stream().filter(run -> seen.add(run.channelId() + "|" + run.day())).toList();
            for (EngagementStore.Run run : due) {
                Instant at = clock.instant();
                if (store.claim(run, instance, at, at.plus(config.claimFor())) && call(run)) {
                    calls++;
                }
            }
        } while (!due.isEmpty());
        return new Pass(opened, calls);
    }

    /** The unit day whose window is open at this instant, if any. */
    Optional<LocalDate> nightOf(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        return !time.isBefore(config.windowStart()) && time.isBefore(config.windowEnd())
                ? Optional.of(local.toLocalDate()) : Optional.empty();
    }

    private int openRuns(Instant now) {
        Map<String, ZoneId> zones = new HashMap<>();
        Map<Channel, LocalDate> open = new HashMap<>();
        for (Channel channel : channels.list()) {
            if (channel.paused()) {
                continue;
            }
            ZoneId zone = zones.computeIfAbsent(channel.unitCode(), units::zoneOf);
            nightOf(now, zone).ifPresent(day -> open.put(channel, day));
        }
        if (open.isEmpty()) {
            return 0;
        }
        Set<String> existing = store.runsOn(new HashSet<>(open.values()));
        List<EngagementStore.Run> runs = new ArrayList<>();
        List<Channel> dryRuns = new ArrayList<>();
        for (Map.Entry<Channel, LocalDate> entry : open.entrySet()) {
            Channel channel = entry.getKey();
            LocalDate day = entry.getValue();
            if (existing.contains(channel.id() + "|" + day)) {
                continue;
            }
            Instant windowEnd = day.atTime(config.windowEnd()).atZone(zones.get(channel.unitCode())).toInstant();
            boolean dryRun = channel.mode() == ChannelMode.DRY_RUN;
            runs.add(new EngagementStore.Run(channel.id(), day, dryRun ? EngagementStore.RunState.DONE
                    : EngagementStore.RunState.RUNNING, 0, 0, now, windowEnd));
            if (dryRun) {
                dryRuns.add(channel);
            }
        }
        int opened = store.open(runs, now);
        for (Channel channel : dryRuns) {
            // a dry run reaches no platform, so there is nothing to read: said once a night
            store.putState(channel.id(), ChannelState.Kind.DRY_RUN, RefusalCode.ENGAGEMENT_DRY_RUN.name(),
                    argsJson(List.of(channel.name())), null, null, now);
        }
        return opened;
    }

    /** One call for a claimed run; false when no call was made (the channel is gone or paused). */
    private boolean call(EngagementStore.Run run) {
        Optional<Channel> found = channels.find(run.channelId());
        Optional<ChannelAdapter> adapter = found.flatMap(adapters::forChannel);
        Instant at = clock.instant();
        if (found.isEmpty() || adapter.isEmpty()) {
            store.advance(run, EngagementStore.RunState.DONE, run.cursorId(), run.calls(), at, at);
            return false;
        }
        Channel channel = found.get();
        if (channel.paused()) {
            store.advance(run, EngagementStore.RunState.RUNNING, run.cursorId(), run.calls(), at.plus(PAUSED_RECHECK), at);
            return false;
        }
        int size = Math.max(1, adapter.get().postsPerEngagementCall());
        Instant since = run.day().atStartOfDay(units.zoneOf(channel.unitCode())).minusDays(config.lookbackDays()).toInstant();
        List<PublishedPost> posts = publishing.get().publishedPosts(channel.id(), since, at, run.cursorId(), size + 1);
        List<PublishedPost> batch = posts.subList(0, Math.min(size, posts.size()));
        boolean more = posts.size() > size;
        EngagementReading reading;
        try {
            reading = adapter.get().readEngagement(channel, batch);
        } catch (RuntimeException e) {
            LOG.warn("Engagement reading of {} failed: {}", channel.id(), e.toString());
            reading = new EngagementReading.RetryLater(config.retryAfterError(),
                    "Lỗi không lường trước khi đọc số liệu; Herald sẽ thử lại.");
        }
        Instant done = clock.instant();
        Duration pace = pace(adapter.get(), channel);
        int calls = run.calls() + 1;
        if (reading instanceof EngagementReading.Figures figures) {
            store.saveFigures(channel, run.day(), done, channelFigures(figures), postFigures(figures, batch));
            store.putState(channel.id(), ChannelState.Kind.OK, null, null, null, null, done);
            long cursor = batch.isEmpty() ? run.cursorId() : batch.get(batch.size() - 1).publicationId();
            store.advance(run, more ? EngagementStore.RunState.RUNNING : EngagementStore.RunState.DONE, cursor, calls,
                    done.plus(pace), done);
        } else if (reading instanceof EngagementReading.NotAvailable none) {
            store.putState(channel.id(), ChannelState.Kind.NOT_AVAILABLE, none.code().name(), argsJson(none.args()),
                    null, null, done);
            store.advance(run, EngagementStore.RunState.DONE, run.cursorId(), calls, done.plus(pace), done);
        } else if (reading instanceof EngagementReading.RetryLater later) {
            Instant next = done.plus(later.after().compareTo(pace) > 0 ? later.after() : pace);
            boolean inWindow = next.isBefore(run.windowEnd());
            store.putState(channel.id(), ChannelState.Kind.RETRY_LATER, null, null, later.reason(), next, done);
            store.advance(run, inWindow ? EngagementStore.RunState.RUNNING : EngagementStore.RunState.MISSED,
                    run.cursorId(), calls, next, done);
        } else if (reading instanceof EngagementReading.NeedsAttention attention) {
            ChannelState before = store.state(channel.id()).orElse(null);
            ChannelState state = store.putState(channel.id(), ChannelState.Kind.NEEDS_ATTENTION, null, null,
                    attention.reason(), null, done);
            if (before == null || before.kind() != ChannelState.Kind.NEEDS_ATTENTION) {
                tellEditors(channel, attention.reason(), state.since());
            }
            store.advance(run, EngagementStore.RunState.DONE, run.cursorId(), calls, done.plus(pace), done);
        }
        return true;
    }

    /** The adapter's calls per hour as the least time between two calls on the channel. */
    static Duration pace(ChannelAdapter adapter, Channel channel) {
        int perHour = Math.max(1, adapter.engagementCallsPerHour(channel));
        return Duration.ofMillis((3_600_000L + perHour - 1) / perHour);
    }

    private static Map<Metric, Long> channelFigures(EngagementReading.Figures figures) {
        Map<Metric, Long> own = new EnumMap<>(Metric.class);
        figures.channel().forEach((metric, value) -> {
            if (metric.ofChannel() && value != null) {
                own.put(metric, value);
            }
        });
        return own;
    }

    /** The figures of the posts asked about, a post's own metrics only; anything else the reader sent is ignored. */
    private static Map<Long, Map<Metric, Long>> postFigures(EngagementReading.Figures figures, List<PublishedPost> batch) {
        Map<Long, Map<Metric, Long>> posts = new HashMap<>();
        for (PublishedPost post : batch) {
            Map<Metric, Long> read = figures.posts().get(post.publicationId());
            if (read == null) {
                continue;
            }
            Map<Metric, Long> own = new EnumMap<>(Metric.class);
            read.forEach((metric, value) -> {
                if (!metric.ofChannel() && value != null) {
                    own.put(metric, value);
                }
            });
            posts.put(post.publicationId(), own);
        }
        return posts;
    }

    private void tellEditors(Channel channel, String reason, Instant since) {
        List<String> editors = accounts.holding(channel.unitCode(), Role.EDITOR).stream()
                .map(Accounts.Account::username).toList();
        notices.tell(editors, new Notices.Message(NoticeKind.ENGAGEMENT_TROUBLE, channel.unitCode(),
                "Không đọc được số liệu tương tác của kênh «" + channel.name() + "»",
                reason + " Herald thử lại vào đêm sau; số liệu của các ngày trước vẫn được giữ.",
                "/channels", "engagement:" + channel.id() + ":" + since.toEpochMilli()));
    }

    private String argsJson(List<Object> args) {
        try {
            return json.writeValueAsString(args.stream().map(String::valueOf).toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the arguments of an engagement state", e);
        }
    }
}
