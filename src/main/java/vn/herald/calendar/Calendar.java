package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.support.ReadVersions;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.support.VersionedCache;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Access;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The editorial calendar of a unit: its publications day by day in the unit's zone, grouped into ISO weeks, the
 * approved pieces waiting for a slot, and how each week stands against the cadence rules. The calendar reads
 * publications through {@link Publishing} and never talks to a channel adapter.
 */
@Singleton
public class Calendar {

    /** A longer range would load years of publications at once; a year and a month covers every report. */
    static final int LONGEST_DAYS = 400;
    /** What never counts toward a week: it will not go out, or it did not. */
    static final Set<PublicationStatus> NOT_COUNTED = EnumSet.of(PublicationStatus.CANCELLED, PublicationStatus.EXPIRED);
    private static final int PAGE = 500;
    /** Views kept: a few ranges per unit, for every unit an instance serves. */
    private static final int KEPT_VIEWS = 4_000;

    @Serdeable
    public record CalendarPublication(long id, long pieceId, String pieceTitle, String channelId, OffsetDateTime plannedAt,
                                      PublicationStatus status, @Nullable String warning) {}

    @Serdeable
    public record Day(LocalDate date, List<CalendarPublication> publications) {}

    /** An ISO week, e.g. 2026-W53; only its days within the asked range are listed. */
    @Serdeable
    public record Week(String week, LocalDate monday, LocalDate sunday, List<Day> days) {}

    /** An approved piece that no channel has scheduled or published yet. */
    @Serdeable
    public record BacklogPiece(long pieceId, String title, PieceKind kind, List<String> topics, Instant approvedAt) {}

    @Serdeable
    public record CalendarView(String unit, String zone, LocalDate from, LocalDate to, @Nullable String channel,
                               List<Week> weeks, List<BacklogPiece> backlog) {}

    /** A week that breaks a rule. */
    @Serdeable
    public record Gap(String week, LocalDate monday, LocalDate sunday, GapState state, String channelId,
                      ChannelType channelType, String rule, int required, int counted, boolean autofill) {}

    /**
     * How a rule was kept over the range: {@code weeksChecked = weeksMet + weeksMissed + weeksAtRisk}; weeks beyond the
     * warning horizon and weeks before the channel was configured are not checked.
     */
    @Serdeable
    public record Compliance(String channelId, ChannelType channelType, int perWeek, boolean autofill, int weeksChecked,
                             int weeksMet, int weeksMissed, int weeksAtRisk) {}

    @Serdeable
    public record GapReport(String unit, String zone, LocalDate from, LocalDate to, List<Gap> gaps,
                            List<Compliance> compliance) {}

    /** One rule in one week. */
    record WeekCheck(CadenceRule rule, IsoWeek week, GapState state, int counted) {
        int missing() {
            return Math.max(0, rule.perWeek() - counted);
        }
    }

    private final Units units;
    private final Channels channels;
    private final Pieces pieces;
    private final Publishing publishing;
    private final CadenceRules rules;
    private final CalendarConfig config;
    private final Access access;
    private final Clock clock;
    private final ReadVersions versions;
    private final VersionedCache<ViewKey, CalendarView> views = new VersionedCache<>(KEPT_VIEWS);

    private record ViewKey(String unitCode, LocalDate from, LocalDate to, @Nullable String channelId) {}

    Calendar(Units units, Channels channels, Pieces pieces, Publishing publishing, CadenceRules rules,
             CalendarConfig config, Access access, Clock clock, ReadVersions versions) {
        this.versions = versions;
        this.access = access;
        this.units = units;
        this.channels = channels;
        this.pieces = pieces;
        this.publishing = publishing;
        this.rules = rules;
        this.config = config;
        this.clock = clock;
    }

    /** The unit's days from {@code from} to {@code to} (both included), optionally on one channel only. */
    public CalendarView view(String unitCode, LocalDate from, LocalDate to, @Nullable String channelId) {
        Unit unit = access.unit(unitCode, "unit");
        checkRange(from, to);
        // read before the data: a change committed while the view is built raises it again, so the next read rebuilds
        long version = versions.calendar(unit.code());
        return views.get(new ViewKey(unit.code(), from, to, channelId), version, () -> build(unit.code(), from, to, channelId));
    }

    /**
     * The view as the database holds it now, the unit read again after the version. Nothing in it depends on the
     * clock or on who asks (access is checked before), so it is kept until the unit's read version moves.
     */
    private CalendarView build(String unitCode, LocalDate from, LocalDate to, @Nullable String channelId) {
        Unit unit = units.get(unitCode);
        ZoneId zone = unit.zoneId();
        List<String> unitChannels = channelIdsOf(unit.code());
        if (channelId != null && !unitChannels.contains(channelId)) {
            throw Refusal.invalid("channel", RefusalCode.CHANNEL_NOT_OF_UNIT, channelId, unit.name());
        }
        // one query for the days, one for their titles, two for the backlog: a month is asked for on every page view
        List<Publishing.Planned> planned = publishing.plannedOn(channelId == null ? unitChannels : List.of(channelId),
                from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<Long, String> titles = pieces.titles(planned.stream().map(Publishing.Planned::pieceId).collect(Collectors.toSet()));
        Map<LocalDate, List<CalendarPublication>> byDay = new HashMap<>();
        for (Publishing.Planned p : planned) {
            // already earliest first, then by id
            byDay.computeIfAbsent(p.plannedAt().atZone(zone).toLocalDate(), d -> new ArrayList<>())
                    .add(new CalendarPublication(p.id(), p.pieceId(), titles.get(p.pieceId()), p.channelId(),
                            p.plannedAt().atZone(zone).toOffsetDateTime(), p.status(), p.warning()));
        }
        // unmodifiable throughout: every caller shares the kept view
        Map<IsoWeek, List<Day>> weeks = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            weeks.computeIfAbsent(IsoWeek.of(day), w -> new ArrayList<>()).add(new Day(day, List.copyOf(byDay.getOrDefault(day, List.of()))));
        }
        List<Week> shownWeeks = weeks.entrySet().stream().map(e ->
                new Week(e.getKey().label(), e.getKey().monday(), e.getKey().sunday(), List.copyOf(e.getValue()))).toList();
        return new CalendarView(unit.code(), unit.zone(), from, to, channelId, shownWeeks, backlog(unit.code(), unitChannels));
    }

    /** Every week from the one holding {@code from} to the one holding {@code to} that breaks a rule, with a summary per rule. */
    public GapReport gaps(String unitCode, LocalDate from, LocalDate to) {
        Unit unit = access.unit(unitCode, "unit");
        checkRange(from, to);
        List<Gap> gaps = new ArrayList<>();
        List<Compliance> compliance = new ArrayList<>();
        for (CadenceRule rule : rules.of(unit.code())) {
            int met = 0;
            int missed = 0;
            int atRisk = 0;
            for (WeekCheck check : checks(rule, unit.zoneId(), from, to)) {
                switch (check.state()) {
                    case MET -> met++;
                    case MISSED -> missed++;
                    case AT_RISK -> atRisk++;
                    case NOT_YET -> { }
                }
                if (check.state() == GapState.MISSED || check.state() == GapState.AT_RISK) {
                    gaps.add(new Gap(check.week().label(), check.week().monday(), check.week().sunday(), check.state(),
                            rule.channelId(), rule.channelType(), describe(rule), rule.perWeek(), check.counted(), rule.autofill()));
                }
            }
            compliance.add(new Compliance(rule.channelId(), rule.channelType(), rule.perWeek(), rule.autofill(),
                    met + missed + atRisk, met, missed, atRisk));
        }
        gaps.sort(Comparator.comparing(Gap::monday).thenComparing(Gap::channelId));
        return new GapReport(unit.code(), unit.zone(), from, to, gaps, compliance);
    }

    /** The rule judged in each ISO week touching the range; weeks that ended before the channel existed are left out. */
    List<WeekCheck> checks(CadenceRule rule, ZoneId zone, LocalDate from, LocalDate to) {
        IsoWeek first = IsoWeek.of(from);
        IsoWeek last = IsoWeek.of(to);
        List<Publication> planned = publications(rule.channelId(), first.start(zone), last.end(zone));
        Instant now = clock.instant();
        Instant horizon = now.plus(config.warningHorizon());
        List<WeekCheck> checks = new ArrayList<>();
        for (IsoWeek week = first; !week.monday().isAfter(last.monday()); week = week.next()) {
            Instant start = week.start(zone);
            Instant end = week.end(zone);
            if (!end.isAfter(rule.since())) {
                continue;
            }
            Predicate<Publication> inWeek = p -> !p.plannedAt().isBefore(start) && p.plannedAt().isBefore(end);
            if (!end.isAfter(now)) {
                int published = (int) planned.stream().filter(inWeek)
                        .filter(p -> p.status() == PublicationStatus.PUBLISHED).count();
                checks.add(new WeekCheck(rule, week, published >= rule.perWeek() ? GapState.MET : GapState.MISSED, published));
            } else if (!start.isAfter(horizon)) {
                int counted = (int) planned.stream().filter(inWeek).filter(p -> !NOT_COUNTED.contains(p.status())).count();
                checks.add(new WeekCheck(rule, week, counted >= rule.perWeek() ? GapState.MET : GapState.AT_RISK, counted));
            } else {
                checks.add(new WeekCheck(rule, week, GapState.NOT_YET, 0));
            }
        }
        return checks;
    }

    /** Approved pieces of the unit with no publication anywhere, except cancelled or expired ones; oldest approval first. */
    public List<BacklogPiece> backlog(String unitCode) {
        access.unit(unitCode, "unit");
        return backlog(unitCode, channelIdsOf(unitCode));
    }

    private List<BacklogPiece> backlog(String unitCode, List<String> unitChannels) {
        Set<Long> planned = publishing.piecesOn(unitChannels, NOT_COUNTED);
        return approvedPieces(unitCode).stream().filter(p -> !planned.contains(p.id()))
                .map(p -> new BacklogPiece(p.id(), p.title(), p.kind(), p.topics(), p.updatedAt()))
                .sorted(Comparator.comparing(BacklogPiece::approvedAt).thenComparingLong(BacklogPiece::pieceId))
                .toList();
    }

    List<Piece> approvedPieces(String unitCode) {
        return pieces.ofUnit(unitCode, PieceStatus.APPROVED);
    }

    /** The channel's publications planned in [start, end); either end may be open. */
    List<Publication> publications(String channelId, @Nullable Instant start, @Nullable Instant end) {
        List<Publication> found = new ArrayList<>();
        Publishing.Filter filter = new Publishing.Filter(null, channelId, null, start, end);
        Page<Publication> page = publishing.list(filter, Pageable.from(0, PAGE));
        while (true) {
            found.addAll(page.getContent());
            if (page.getContent().size() < PAGE) {
                return found;
            }
            page = publishing.list(filter, page.getPageable().next());
        }
    }

    private List<String> channelIdsOf(String unitCode) {
        return channels.ofUnit(unitCode).stream().map(Channel::id).toList();
    }

    /** The unit a request names, or the caller's own; one out of the caller's reach is refused. */
    Unit unit(@Nullable String code) {
        return access.unit(code, "unit");
    }

    /** A range of days, both included. */
    record Range(LocalDate from, LocalDate to) {}

    /** Today in the unit's zone. */
    LocalDate today(Unit unit) {
        return clock.instant().atZone(unit.zoneId()).toLocalDate();
    }

    /** The month holding today in the unit's zone: the calendar's default range. */
    Range currentMonth(Unit unit) {
        LocalDate first = today(unit).withDayOfMonth(1);
        return new Range(first, first.plusMonths(1).minusDays(1));
    }

    static void checkRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw Refusal.invalid("from", RefusalCode.RANGE_START_AFTER_END, Refusal.day(from), Refusal.day(to));
        }
        if (ChronoUnit.DAYS.between(from, to) > LONGEST_DAYS) {
            throw Refusal.invalid("to", RefusalCode.RANGE_TOO_LONG, LONGEST_DAYS);
        }
    }

    static String describe(CadenceRule rule) {
        return "ít nhất " + rule.perWeek() + " bài mỗi tuần trên " + rule.channelName()
                + (rule.fromChannelFile() ? " (theo tệp kênh)" : " (mặc định của " + rule.channelType() + ")");
    }
}
