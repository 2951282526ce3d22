package vn.herald.engagement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.Metric;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What was read back, for people and for the reports: a publication's latest figures (or why there are none), the
 * latest figures of many publications at once (the calendar), and a unit's figures over a period by channel type.
 * Units are enforced: another unit's publication answers as a missing one.
 */
@Singleton
public class Engagements {

    /** One figure as shown. */
    @Serdeable
    public record Figure(Metric metric, long value) {}

    /**
     * A publication's figures as last read: the unit day they were read for and when (unit time), or none with
     * {@code note}, the Vietnamese reason (a platform that gives none, a dry run, a trouble being fixed).
     */
    @Serdeable
    public record PublicationFigures(long publicationId, String channelId, @Nullable LocalDate day,
                                     @Nullable OffsetDateTime readAt, List<Figure> figures, @Nullable String state,
                                     @Nullable String note) {}

    /**
     * A unit's figures over a period for one channel type: each per-post metric summed over the publications planned
     * in the period (each post counted once, as last read by the period's end) and its largest value for one post;
     * the channels' followers at the end; the households the loudspeakers covered (the sum over items played, see
     * docs/engagement.md).
     */
    @Serdeable
    public record TypeFigures(ChannelType type, Map<Metric, Long> sums, Map<Metric, Long> largest, long followers,
                              long householdsCovered) {}

    private final EngagementStore store;
    private final Publishing publishing;
    private final Channels channels;
    private final Units units;
    private final Access access;
    private final JsonMapper json;
    private final EngagementConfig config;

    Engagements(EngagementStore store, Publishing publishing, Channels channels, Units units, Access access, JsonMapper json,
                EngagementConfig config) {
        this.config = config;
        this.store = store;
        this.publishing = publishing;
        this.channels = channels;
        this.units = units;
        this.access = access;
        this.json = json;
    }

    /** The publication's latest figures, or why it has none. */
    public PublicationFigures ofPublication(long publicationId) {
        Publication publication = publishing.get(publicationId);
        ZoneId zone = units.zoneOf(publication.unitCode());
        List<EngagementStore.Stored> latest = store.latest(publicationId);
        Optional<ChannelState> state = store.state(publication.channelId());
        String note = state.flatMap(this::explain).orElse(null);
        if (latest.isEmpty()) {
            if (note == null) {
                note = publication.dryRunOnly() ? "Bài đăng chạy thử không có trên nền tảng nên không có số liệu tương tác."
                        : "Chưa có số liệu: Herald đọc số liệu tương tác mỗi đêm, trong "
                        + config.lookbackDays() + " ngày sau khi đăng.";
            }
            return new PublicationFigures(publicationId, publication.channelId(), null, null, List.of(),
                    state.map(s -> s.kind().name()).orElse(null), note);
        }
        EngagementStore.Stored first = latest.get(0);
        Instant readAt = latest.stream().map(EngagementStore.Stored::readAt).max(Instant::compareTo).orElse(first.readAt());
        return new PublicationFigures(publicationId, publication.channelId(), first.day(),
                readAt.atZone(zone).toOffsetDateTime(),
                latest.stream().map(stored -> new Figure(stored.metric(), stored.value())).toList(),
                state.map(s -> s.kind().name()).orElse(null),
                state.filter(s -> s.kind() != ChannelState.Kind.OK).isPresent() ? note : null);
    }

    /** The latest figures of each of these publications (the caller has read them, e.g. on the calendar). */
    public Map<Long, Map<Metric, Long>> latestOf(Collection<Long> publicationIds) {
        return store.latestOf(publicationIds);
    }

    /** The unit's figures for the days [from, to] (unit time), by channel type of its channels. */
    public Map<ChannelType, TypeFigures> forUnit(String unitCode, LocalDate from, LocalDate to) {
        access.read(unitCode, Refusal.Noun.UNIT, unitCode);
        ZoneId zone = units.zoneOf(unitCode);
        Map<String, EngagementStore.PostTotals> totals = store.totalsByChannel(unitCode, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant(), to);
        Map<ChannelType, Map<Metric, Long>> sums = new EnumMap<>(ChannelType.class);
        Map<ChannelType, Map<Metric, Long>> largest = new EnumMap<>(ChannelType.class);
        Map<ChannelType, Long> followers = new EnumMap<>(ChannelType.class);
        for (Channel channel : channels.ofUnit(unitCode)) {
            Map<Metric, Long> typeSums = sums.computeIfAbsent(channel.type(), type -> new EnumMap<>(Metric.class));
            Map<Metric, Long> typeLargest = largest.computeIfAbsent(channel.type(), type -> new EnumMap<>(Metric.class));
            EngagementStore.PostTotals channelTotals = totals.get(channel.id());
            if (channelTotals != null) {
                channelTotals.sums().forEach((metric, value) -> typeSums.merge(metric, value, Long::sum));
                channelTotals.largest().forEach((metric, value) -> typeLargest.merge(metric, value, Math::max));
            }
            store.channelFigure(channel.id(), Metric.FOLLOWERS, to)
                    .ifPresent(count -> followers.merge(channel.type(), count, Long::sum));
        }
        Map<ChannelType, TypeFigures> figures = new EnumMap<>(ChannelType.class);
        sums.forEach((type, typeSums) -> figures.put(type, new TypeFigures(type, Map.copyOf(typeSums),
                Map.copyOf(largest.get(type)), followers.getOrDefault(type, 0L),
                typeSums.getOrDefault(Metric.HOUSEHOLDS_COVERED, 0L))));
        return figures;
    }

    /**
     * The residents the unit reached in the days [from, to] by the model of docs/reach.md, or empty while its
     * residents or households are not entered (reach is never measured against a guess).
     */
    public Optional<Reach> reach(String unitCode, LocalDate from, LocalDate to) {
        access.read(unitCode, Refusal.Noun.UNIT, unitCode);
        Unit unit = units.find(unitCode).orElseThrow(() -> Refusal.notFound(Refusal.Noun.UNIT, unitCode));
        if (unit.population() == null || unit.households() == null || unit.population() == 0 || unit.households() == 0) {
            return Optional.empty();
        }
        return Optional.of(Reach.estimate(unit.population(), unit.households(), forUnit(unitCode, from, to)));
    }

    /** The Vietnamese sentence of a channel's last outcome, when it is not a plain success. */
    private Optional<String> explain(ChannelState state) {
        return switch (state.kind()) {
            case OK -> Optional.empty();
            case NOT_AVAILABLE, DRY_RUN -> Optional.of(Refusal.text(RefusalCode.valueOf(state.code()).key(),
                    args(state.args()), Refusal.VIETNAMESE));
            case RETRY_LATER -> Optional.of("Lần đọc số liệu gần nhất chưa thành công (" + state.reason()
                    + "); Herald sẽ thử lại.");
            case NEEDS_ATTENTION -> Optional.of("Không đọc được số liệu tương tác: " + state.reason());
        };
    }

    private List<Object> args(@Nullable String args) {
        if (args == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(List.of(json.readValue(args, String[].class)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable arguments of an engagement state", e);
        }
    }
}
