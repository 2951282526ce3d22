package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import vn.herald.unit.Access;
import io.micronaut.data.model.Pageable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Placement;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fills at-risk weeks with approved pieces: proposes, then schedules exactly what was proposed when a person
 * confirms it (or at once, for the daily sweep of rules with {@code autofill: true}). Pieces never sent on the channel
 * come first, then the least recently sent, and a topic already used on the channel in the weeks around gives way to
 * another. A piece never goes twice into one week on a channel; scheduling goes through {@link Publishing}.
 */
@Singleton
public class GapFiller {

    /** The actor of what the daily sweep schedules. */
    static final String SWEEP = "calendar-sweep";
    /** A loudspeaker item is planned this long before its session, so its programme is built ahead of it. */
    private static final Duration LOUDSPEAKER_LEAD = Duration.ofHours(1);
    /** Topics are rotated over this much time on either side of the week: one topic must not fill a month. */
    private static final Duration TOPIC_WINDOW = Duration.ofDays(21);
    /** Publications that still hold their piece on the channel: the same piece is not proposed again. */
    private static final Set<PublicationStatus> HOLDING = EnumSet.of(PublicationStatus.SCHEDULED,
            PublicationStatus.RETRY_WAIT, PublicationStatus.SENDING, PublicationStatus.UNKNOWN,
            PublicationStatus.NEEDS_ATTENTION);
    private static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Logger LOG = LoggerFactory.getLogger(GapFiller.class);
    /**
     * The gap filler places by the campaigns' rule ({@link Placement}), with one addition: a loudspeaker week without
     * a script takes an article read aloud rather than stay silent.
     */
    private static final Placement<Piece> PLACEMENT = new Placement<>(Piece::id, Piece::kind, true);

    /** A slot of a fill as the API shows it; {@code pieceId} is null for a slot nothing could fill. */
    @Serdeable
    public record Slot(String channelId, String week, @Nullable Long pieceId, @Nullable String pieceTitle,
                       @Nullable OffsetDateTime plannedAt, String reason, @Nullable Long publicationId) {}

    /** A fill: {@code items} are scheduled on confirmation; {@code unfilled} are at-risk slots nothing could fill. */
    @Serdeable
    public record FillView(long id, String unit, FillOrigin origin, LocalDate from, LocalDate to, FillStatus status,
                           String createdBy, Instant createdAt, @Nullable String decidedBy, @Nullable Instant decidedAt,
                           @Nullable String message, List<Slot> items, List<Slot> unfilled) {}

    /** The proposal was right when made but no longer holds; nothing of it is scheduled. */
    private static final class StaleProposal extends RuntimeException {
        StaleProposal(String message) {
            super(message, null, false, false);
        }
    }

    private record Use(Instant at, List<String> topics) {}

    private final Calendar calendar;
    private final CadenceRules rules;
    private final Units units;
    private final Channels channels;
    private final Pieces pieces;
    private final Publishing publishing;
    private final FillRepository fills;
    private final FillItemRepository items;
    private final TransactionOperations<Connection> transactions;
    private final CalendarConfig config;
    private final ChannelAdapters adapters;
    private final Clock clock;
    private final Access access;

    GapFiller(Calendar calendar, CadenceRules rules, Units units, Channels channels, Pieces pieces, Publishing publishing,
              FillRepository fills, FillItemRepository items, TransactionOperations<Connection> transactions,
              CalendarConfig config, ChannelAdapters adapters, Access access, Clock clock) {
        this.access = access;
        this.calendar = calendar;
        this.rules = rules;
        this.units = units;
        this.channels = channels;
        this.pieces = pieces;
        this.publishing = publishing;
        this.fills = fills;
        this.items = items;
        this.transactions = transactions;
        this.config = config;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** The default range of a fill: from today through the warning horizon, in the unit's zone. */
    Calendar.Range horizon(Unit unit) {
        LocalDate today = calendar.today(unit);
        long days = Math.max(0, (config.warningHorizon().toHours() + 23) / 24);
        return new Calendar.Range(today, today.plusDays(days));
    }

    /** Proposes pieces for every at-risk week of the unit touching the range, and keeps the proposal to confirm by id. */
    public FillView propose(String unitCode, LocalDate from, LocalDate to, String actor) {
        Unit unit = access.unitToChange(unitCode, "unit");
        Calendar.checkRange(from, to);
        return save(unit, from, to, FillOrigin.REQUEST, plan(unit, from, to, false), actor);
    }

    /** Schedules exactly what the proposal holds, if every slot still holds; otherwise nothing, and the proposal is stale. */
    public FillView confirm(long id, String actor) {
        Fill fill = fills.findById(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PROPOSAL, id));
        access.act(fill.unitCode(), Refusal.Noun.PROPOSAL, id);
        refuseIfDecided(fill);
        try {
            return transactions.executeWrite(status -> {
                lockUnit(status.getConnection(), fill.unitCode());
                Fill current = fills.findById(id).orElseThrow();
                refuseIfDecided(current);
                List<FillItem> slots = items.findByFillIdOrderByPosition(id);
                List<String> problems = problems(current, slots);
                if (!problems.isEmpty()) {
                    throw new StaleProposal(String.join("; ", problems));
                }
                int scheduled = 0;
                for (FillItem slot : slots) {
                    if (slot.pieceId() == null) {
                        continue;
                    }
                    Publication publication;
                    try {
                        publication = publishing.schedule(slot.pieceId(), List.of(slot.channelId()), slot.plannedAt(), actor).get(0);
                    } catch (Refusal refusal) {
                        throw new StaleProposal("bài " + slot.pieceId() + " trên " + channels.find(slot.channelId())
                                .map(Channel::name).orElse(slot.channelId()) + ": " + refusal.getMessage());
                    }
                    items.update(slot.published(publication.id()));
                    scheduled++;
                }
                fills.update(current.decided(FillStatus.SCHEDULED, actor, clock.instant(), "đã xếp lịch " + scheduled + " bài"));
                return view(id);
            });
        } catch (StaleProposal stale) {
            // another confirmation may have won in between: only a proposal still open becomes stale
            fills.findById(id).filter(f -> f.status() == FillStatus.PROPOSED)
                    .ifPresent(f -> fills.update(f.decided(FillStatus.STALE, actor, clock.instant(), stale.getMessage())));
            throw Refusal.conflict(RefusalCode.PROPOSAL_STALE_NOW, id, stale.getMessage());
        }
    }

    public FillView get(long id) {
        Fill fill = fills.findById(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PROPOSAL, id));
        access.read(fill.unitCode(), Refusal.Noun.PROPOSAL, id);
        return view(id);
    }

    /** What the daily sweep did for the unit, newest first. */
    public List<FillView> autofills(String unitCode, int limit) {
        access.unit(unitCode, "unit");
        return fills.findByUnitCodeAndOriginOrderByIdDesc(unitCode, FillOrigin.AUTOFILL, Pageable.from(0, limit)).stream()
                .map(fill -> view(fill.id())).toList();
    }

    /**
     * The daily sweep: for every unit with an autofill rule, fills the at-risk weeks within the warning horizon and
     * records what it did. One unit's trouble never stops the others.
     */
    public List<FillView> sweep() {
        List<FillView> done = new ArrayList<>();
        for (Unit unit : units.list()) {
            if (rules.of(unit.code()).stream().noneMatch(CadenceRule::autofill)) {
                continue;
            }
            try {
                Calendar.Range range = horizon(unit);
                List<FillItem> planned = plan(unit, range.from(), range.to(), true);
                if (planned.isEmpty()) {
                    continue;
                }
                FillView proposal = save(unit, range.from(), range.to(), FillOrigin.AUTOFILL, planned, SWEEP);
                done.add(confirm(proposal.id(), SWEEP));
            } catch (RuntimeException e) {
                LOG.warn("Calendar sweep of unit {}: {}", unit.code(), e.getMessage());
            }
        }
        return done;
    }

    // --- planning

    /** The slots of every at-risk week in the range, a piece in each one that can be filled; not yet saved. */
    private List<FillItem> plan(Unit unit, LocalDate from, LocalDate to, boolean autofillOnly) {
        ZoneId zone = unit.zoneId();
        Instant now = clock.instant();
        List<Piece> approved = calendar.approvedPieces(unit.code());
        Map<Long, List<String>> topics = new HashMap<>();
        approved.forEach(p -> topics.put(p.id(), p.topics()));
        List<FillItem> planned = new ArrayList<>();
        for (CadenceRule rule : rules.of(unit.code())) {
            if (autofillOnly && !rule.autofill()) {
                continue;
            }
            List<Calendar.WeekCheck> atRisk = calendar.checks(rule, zone, from, to).stream()
                    .filter(check -> check.state() == GapState.AT_RISK).toList();
            if (atRisk.isEmpty()) {
                continue;
            }
            Channel channel = channels.get(rule.channelId());
            List<Publication> history = calendar.publications(channel.id(), null, null);
            Map<Long, Instant> lastSent = new HashMap<>();
            Set<Long> holding = new HashSet<>();
            List<Use> uses = new ArrayList<>();
            for (Publication p : history) {
                if (p.status() == PublicationStatus.PUBLISHED) {
                    lastSent.merge(p.pieceId(), p.plannedAt(), (a, b) -> a.isAfter(b) ? a : b);
                }
                if (HOLDING.contains(p.status())) {
                    holding.add(p.pieceId());
                }
                if (!Calendar.NOT_COUNTED.contains(p.status())) {
                    uses.add(new Use(p.plannedAt(), topics.computeIfAbsent(p.pieceId(), id -> pieces.get(id).topics())));
                }
            }
            // the moments of the at-risk weeks, and what each week already has on the channel
            List<Placement.Slot> moments = new ArrayList<>();
            Map<Placement.Slot, IsoWeek> weekOf = new HashMap<>();
            Map<IsoWeek, Set<Long>> inWeek = new HashMap<>();
            Map<IsoWeek, Integer> withoutTime = new LinkedHashMap<>();
            for (Calendar.WeekCheck check : atRisk) {
                Instant start = check.week().start(zone);
                Instant end = check.week().end(zone);
                inWeek.put(check.week(), history.stream().filter(p -> !Calendar.NOT_COUNTED.contains(p.status()))
                        .filter(p -> !p.plannedAt().isBefore(start) && p.plannedAt().isBefore(end))
                        .map(Publication::pieceId).collect(Collectors.toSet()));
                List<Instant> times = times(channel, check.week(), check.missing(), zone, now);
                for (Instant at : times) {
                    Placement.Slot slot = new Placement.Slot(channel.id(), channel.type(), at);
                    moments.add(slot);
                    weekOf.put(slot, check.week());
                }
                withoutTime.put(check.week(), check.missing() - times.size());
            }
            // a piece the channel would refuse (Zalo without a cover) is never proposed for it
            Set<Long> unfit = approved.stream().filter(p -> PLACEMENT.fits(p.kind(), channel.type())
                    && !publishing.meetsRequirements(p, channel)).map(Piece::id).collect(Collectors.toSet());
            List<Placement.Placed<Piece>> placed = PLACEMENT.place(moments, approved, (slot, piece) ->
                    !unfit.contains(piece.id()) && !holding.contains(piece.id())
                            && !inWeek.get(weekOf.get(slot)).contains(piece.id()),
                    (slot, before) -> rotation(weekOf.get(slot), zone, uses, before, lastSent));
            int next = 0;
            for (Map.Entry<IsoWeek, Integer> week : withoutTime.entrySet()) {
                for (; next < placed.size() && weekOf.get(placed.get(next).slot()).equals(week.getKey()); next++) {
                    Placement.Placed<Piece> p = placed.get(next);
                    if (p.piece() == null) {
                        planned.add(unfilled(channel, week.getKey(), "kho bài đã duyệt không còn bài nào hợp với kênh này"));
                        continue;
                    }
                    Instant last = lastSent.get(p.piece().id());
                    planned.add(new FillItem(null, 0, 0, channel.id(), week.getKey().label(), p.piece().id(), p.slot().at(),
                            last == null ? "chưa từng đăng trên kênh này"
                                    : "đăng lần cuối trên kênh này ngày " + SHOWN_DAY.format(last.atZone(zone)), null));
                }
                for (int i = 0; i < week.getValue(); i++) {
                    planned.add(unfilled(channel, week.getKey(), channel.type() == ChannelType.LOUDSPEAKER
                            ? "không còn phiên phát nào chưa qua trong tuần này"
                            : "không còn ngày nào chưa qua " + config.fillHour() + ":00 trong tuần này"));
                }
            }
        }
        return planned;
    }

    /**
     * The gap filler's preference for a slot of the week: a topic used least on the channel in the weeks around
     * (what this fill placed before counts too), then a piece never sent on it, then the least recently sent.
     */
    private static Comparator<Piece> rotation(IsoWeek week, ZoneId zone, List<Use> uses,
                                              List<Placement.Placed<Piece>> placedBefore, Map<Long, Instant> lastSent) {
        List<Use> all = new ArrayList<>(uses);
        placedBefore.stream().filter(p -> p.piece() != null).forEach(p -> all.add(new Use(p.slot().at(), p.piece().topics())));
        Instant start = week.start(zone);
        Instant end = week.end(zone);
        return Comparator.comparingLong((Piece p) -> topicUses(p, all, start, end))
                .thenComparing(p -> lastSent.containsKey(p.id()))
                .thenComparing(p -> lastSent.getOrDefault(p.id(), Instant.MIN))
                .thenComparing(Piece::id);
    }

    /** How many publications on the channel in the weeks around share a topic with the piece. */
    private static long topicUses(Piece piece, List<Use> uses, Instant weekStart, Instant weekEnd) {
        if (piece.topics().isEmpty()) {
            return 0;
        }
        Instant from = weekStart.minus(TOPIC_WINDOW);
        Instant to = weekEnd.plus(TOPIC_WINDOW);
        return uses.stream().filter(u -> !u.at().isBefore(from) && u.at().isBefore(to))
                .filter(u -> !Collections.disjoint(u.topics(), piece.topics())).count();
    }

    /**
     * Up to {@code count} times in the week, none past. A loudspeaker item is planned ahead of a session of the week
     * (it lands in the next session starting at or after its time), one session a day first; other channels get the
     * fill hour of each day left, then an hour later each round.
     */
    private List<Instant> times(Channel channel, IsoWeek week, int count, ZoneId zone, Instant now) {
        Instant start = week.start(zone);
        Instant end = week.end(zone);
        List<Instant> times = new ArrayList<>();
        Instant from = start.isAfter(now) ? start : now;
        // a week back as well, to know the session before the first one of the range
        Optional<List<Instant>> sessionStarts = adapters.forChannel(channel)
                .flatMap(adapter -> adapter.sessionStarts(channel, from.minus(Duration.ofDays(8)), end, zone));
        if (sessionStarts.isPresent()) {
            List<Instant> starts = sessionStarts.get().stream().sorted().toList();
            Map<LocalDate, List<Instant[]>> byDay = new LinkedHashMap<>();
            for (int i = 0; i < starts.size(); i++) {
                Instant session = starts.get(i);
                if (session.isAfter(now) && !session.isBefore(from)) {
                    Instant previous = i == 0 ? start : starts.get(i - 1);
                    byDay.computeIfAbsent(session.atZone(zone).toLocalDate(), d -> new ArrayList<>())
                            .add(new Instant[] {session, previous});
                }
            }
            for (int round = 0; times.size() < count; round++) {
                int before = times.size();
                for (List<Instant[]> day : byDay.values()) {
                    if (round < day.size() && times.size() < count) {
                        Instant[] session = day.get(round);
                        times.add(latest(session[0].minus(LOUDSPEAKER_LEAD), session[1].plusSeconds(1), start, now));
                    }
                }
                if (times.size() == before) {
                    break;
                }
            }
            return times;
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = week.monday(); !day.isAfter(week.sunday()); day = day.plusDays(1)) {
            if (!day.atTime(config.fillHour(), 0).atZone(zone).toInstant().isBefore(now)) {
                days.add(day);
            }
        }
        for (int i = 0; i < count && !days.isEmpty(); i++) {
            int hour = config.fillHour() + i / days.size();
            if (hour > 23) {
                break;
            }
            times.add(days.get(i % days.size()).atTime(hour, 0).atZone(zone).toInstant());
        }
        return times;
    }

    private static Instant latest(Instant... instants) {
        Instant latest = instants[0];
        for (Instant instant : instants) {
            latest = instant.isAfter(latest) ? instant : latest;
        }
        return latest;
    }

    private static FillItem unfilled(Channel channel, IsoWeek week, String reason) {
        return new FillItem(null, 0, 0, channel.id(), week.label(), null, null, reason, null);
    }

    // --- keeping and confirming

    private FillView save(Unit unit, LocalDate from, LocalDate to, FillOrigin origin, List<FillItem> planned, String actor) {
        long id = transactions.executeWrite(status -> {
            Fill fill = fills.save(new Fill(null, unit.code(), origin, from, to, FillStatus.PROPOSED, actor, clock.instant(),
                    null, null, null));
            for (int i = 0; i < planned.size(); i++) {
                FillItem p = planned.get(i);
                items.save(new FillItem(null, fill.id(), i, p.channelId(), p.week(), p.pieceId(), p.plannedAt(), p.reason(), null));
            }
            return fill.id();
        });
        return view(id);
    }

    /** Why the slots no longer hold: a piece no longer approved, or already in that week on that channel. */
    private List<String> problems(Fill fill, List<FillItem> slots) {
        ZoneId zone = units.zoneOf(fill.unitCode());
        List<String> problems = new ArrayList<>();
        Map<String, List<Publication>> weeks = new HashMap<>();
        for (FillItem slot : slots) {
            if (slot.pieceId() == null) {
                continue;
            }
            Piece piece = pieces.get(slot.pieceId());
            if (piece.status() != PieceStatus.APPROVED) {
                problems.add("bài " + piece.id() + " giờ là “" + Refusal.text("status." + piece.status(), List.of(), Refusal.VIETNAMESE)
                        + "”, không còn được duyệt");
                continue;
            }
            if (channels.find(slot.channelId()).filter(c -> !channels.fileRemoved(c)).isEmpty()) {
                problems.add("kênh " + slot.channelId() + " không còn");
                continue;
            }
            IsoWeek week = IsoWeek.parse(slot.week());
            List<Publication> inWeek = weeks.computeIfAbsent(slot.channelId() + " " + slot.week(),
                    key -> calendar.publications(slot.channelId(), week.start(zone), week.end(zone)));
            if (inWeek.stream().anyMatch(p -> p.pieceId() == piece.id() && !Calendar.NOT_COUNTED.contains(p.status()))) {
                problems.add("bài " + piece.id() + " đã có trên " + channels.find(slot.channelId()).map(Channel::name)
                        .orElse(slot.channelId()) + " trong tuần " + slot.week());
            }
        }
        return problems;
    }

    private void refuseIfDecided(Fill fill) {
        if (fill.status() == FillStatus.SCHEDULED) {
            throw Refusal.conflict(RefusalCode.PROPOSAL_DONE, fill.id(), Refusal.time(fill.decidedAt(), units.zoneOf(fill.unitCode())),
                    fill.decidedBy());
        }
        if (fill.status() == FillStatus.STALE) {
            throw Refusal.conflict(RefusalCode.PROPOSAL_STALE, fill.id(), fill.message());
        }
    }

    /** Takes the unit's calendar lock until the transaction ends: fills of one unit are scheduled one at a time. */
    private static void lockUnit(Connection connection, String unitCode) {
        try {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into calendar_lock (unit_code) values (?) on conflict do nothing")) {
                insert.setString(1, unitCode);
                insert.executeUpdate();
            }
            try (PreparedStatement lock = connection.prepareStatement(
                    "select unit_code from calendar_lock where unit_code = ? for update")) {
                lock.setString(1, unitCode);
                try (ResultSet ignored = lock.executeQuery()) {
                    // holding the row lock until the transaction ends is the point
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the calendar lock of unit " + unitCode, e);
        }
    }

    private FillView view(long id) {
        Fill fill = fills.findById(id).orElseThrow();
        ZoneId zone = units.zoneOf(fill.unitCode());
        List<Slot> filled = new ArrayList<>();
        List<Slot> unfilled = new ArrayList<>();
        for (FillItem item : items.findByFillIdOrderByPosition(id)) {
            if (item.pieceId() == null) {
                unfilled.add(new Slot(item.channelId(), item.week(), null, null, null, item.reason(), null));
            } else {
                filled.add(new Slot(item.channelId(), item.week(), item.pieceId(), pieces.get(item.pieceId()).title(),
                        item.plannedAt().atZone(zone).toOffsetDateTime(), item.reason(), item.publicationId()));
            }
        }
        return new FillView(fill.id(), fill.unitCode(), fill.origin(), fill.rangeFrom(), fill.rangeTo(), fill.status(),
                fill.createdBy(), fill.createdAt(), fill.decidedBy(), fill.decidedAt(), fill.message(), filled, unfilled);
    }
}
