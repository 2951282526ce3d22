package vn.herald.publishing;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.Payload;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.Priority;
import vn.herald.content.Piece;
import vn.herald.content.PieceChanged;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.unit.Access;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Publications: scheduling, moving, cancelling and retrying them; the dispatcher sends them. */
@Singleton
public class Publishing {

    /** Filters of the publication list; every one is optional. */
    public record Filter(@Nullable PublicationStatus status, @Nullable String channelId, @Nullable Long pieceId,
                         @Nullable Instant from, @Nullable Instant to) {}

    private static final Set<PublicationStatus> WAITING = EnumSet.of(PublicationStatus.SCHEDULED, PublicationStatus.RETRY_WAIT);

    private final PublicationStore store;
    private final PublicationRepository publications;
    private final PublicationQueue queue;
    private final Pieces pieces;
    private final Channels channels;
    private final ChannelAdapters adapters;
    private final Units units;
    private final Access access;
    private final PublishingConfig config;
    private final Clock clock;
    private final Repeats repeats;

    Publishing(PublicationStore store, PublicationRepository publications, PublicationQueue queue, Pieces pieces,
               Channels channels, ChannelAdapters adapters, Units units, Access access, PublishingConfig config,
               Clock clock, Repeats repeats) {
        this.repeats = repeats;
        this.store = store;
        this.publications = publications;
        this.queue = queue;
        this.pieces = pieces;
        this.channels = channels;
        this.adapters = adapters;
        this.units = units;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** Starts this instance's dispatcher; called once the start-up import is done. */
    public void startDispatcher() {
        queue.startIfEnabled();
    }

    /** Schedules an approved piece on each channel; the publications and their queue entries commit together. */
    public List<Publication> schedule(long pieceId, List<String> channelIds, Instant plannedAt, String actor) {
        return schedule(pieceId, channelIds, plannedAt, Priority.NORMAL, actor);
    }

    /** Schedules with a Circular 39 priority (the loudspeaker channel plays by it; others ignore it). */
    public List<Publication> schedule(long pieceId, List<String> channelIds, Instant plannedAt, Priority priority,
                                      String actor) {
        return schedule(pieceId, channelIds, plannedAt, priority, false, actor);
    }

    /**
     * Schedules; a piece already on one of the channels is refused unless {@code repeat} says the request means it
     * (see {@link Repeats}).
     */
    @Transactional
    public List<Publication> schedule(long pieceId, List<String> channelIds, Instant plannedAt, Priority priority,
                                      boolean repeat, String actor) {
        if (channelIds.isEmpty()) {
            throw Refusal.invalid("channelId", RefusalCode.CHANNEL_REQUIRED);
        }
        Piece piece = pieces.get(pieceId);
        access.act(piece.unitCode(), Refusal.Noun.PIECE, pieceId);
        if (piece.status() != PieceStatus.APPROVED) {
            throw Refusal.conflict(RefusalCode.PIECE_NOT_APPROVED, pieceId, new Refusal.Word("status." + piece.status()));
        }
        checkAhead(plannedAt, piece.unitCode());
        List<Publication> scheduled = new ArrayList<>();
        for (String channelId : portalFirst(channelIds)) {
            Channel channel = channels.find(channelId).filter(c -> access.reach().canRead(c.unitCode())).orElseThrow(() ->
                    Refusal.invalid("channelId", RefusalCode.CHANNEL_UNKNOWN, channelId));
            access.act(channel.unitCode(), Refusal.Noun.CHANNEL, channelId);
            ChannelAdapter adapter = adapterOf(channel);
            Instant deadline = deadline(adapter, channel, plannedAt);
            if (!deadline.isAfter(clock.instant())) {
                ZoneId zone = units.zoneOf(channel.unitCode());
                throw Refusal.invalid("plannedAt", RefusalCode.PAST_DEADLINE_ON, Refusal.time(plannedAt, zone),
                        Refusal.time(deadline, zone), channel.name());
            }
            refuseUnmet(adapter.unmet(piece, channel));
            Payload payload = adapter.render(piece, channel);
            repeats.check(piece.id(), channel, adapter, payload, repeat);
            Instant now = clock.instant();
            Publication publication = store.insert(new Publication(null, piece.id(), piece.revision(), channel.id(),
                    piece.unitCode(), plannedAt, deadline, PublicationStatus.SCHEDULED, payload.body(),
                    summary(payload), null, null, 0, null, null, null, actor, now, now, priority, payload.warningText()), actor,
                    EventNote.scheduled(plannedAt));
            queue.enqueue(publication.id(), plannedAt);
            scheduled.add(publication);
        }
        return scheduled;
    }

    /** A piece a planner placed on a channel at a time. */
    public record Order(long pieceId, String channelId, Instant plannedAt) {}

    /**
     * Schedules what a planner placed, each order as {@link #schedule(long, List, Instant, Priority, boolean, String)}
     * would with the same checks and refusals, but set-based: the pieces, channels, zones and earlier publications are
     * read once, and the publications, their events and their queue entries are written in JDBC batches. A refusal
     * refuses the whole call. Portal orders are written first, as {@link #portalFirst} does for one piece, so a post
     * elsewhere links to a portal page the same call made. Answers the publications in the orders' order.
     */
    @Transactional
    public List<Publication> scheduleAll(List<Order> orders, Priority priority, boolean repeat, String actor) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<Long, Piece> byId = pieces.getAll(orders.stream().map(Order::pieceId).collect(Collectors.toSet()));
        Map<String, Channel> channelsById = channels.findAll(orders.stream().map(Order::channelId).collect(Collectors.toSet()));
        Map<Long, List<Publication>> counted = new HashMap<>(countedOf(byId.keySet()));
        Map<String, ZoneId> zones = new HashMap<>();
        Map<Order, Publication> made = new HashMap<>();
        List<Order> portal = new ArrayList<>();
        List<Order> others = new ArrayList<>();
        for (Order order : orders) {
            Channel channel = channelsById.get(order.channelId());
            (channel != null && channel.type() == ChannelType.EPORTAL ? portal : others).add(order);
        }
        for (List<Order> group : List.of(portal, others)) {
            List<Publication> rows = new ArrayList<>(group.size());
            for (Order order : group) {
                Piece piece = byId.get(order.pieceId());
                if (piece == null) {
                    throw Refusal.notFound(Refusal.Noun.PIECE, order.pieceId());
                }
                Channel channel = channelsById.get(order.channelId());
                if (channel == null || !access.reach().canRead(channel.unitCode())) {
                    throw Refusal.invalid("channelId", RefusalCode.CHANNEL_UNKNOWN, order.channelId());
                }
                ZoneId zone = zones.computeIfAbsent(channel.unitCode(), units::zoneOf);
                rows.add(prepared(piece, channel, zone, order.plannedAt(), priority, repeat, actor,
                        counted.computeIfAbsent(piece.id(), id -> new ArrayList<>())));
            }
            List<Publication> saved = store.insertAll(rows, actor, rows.stream().map(p -> EventNote.scheduled(p.plannedAt())).toList());
            for (int i = 0; i < group.size(); i++) {
                made.put(group.get(i), saved.get(i));
                counted.get(saved.get(i).pieceId()).add(saved.get(i));
            }
        }
        List<Publication> scheduled = orders.stream().map(made::get).toList();
        queue.enqueueAll(scheduled);
        return scheduled;
    }

    /**
     * The publication one order makes, checked as {@link #schedule} checks it; {@code countedOfPiece} is every
     * publication of the piece that counts, those of this call included.
     */
    private Publication prepared(Piece piece, Channel channel, ZoneId zone, Instant plannedAt, Priority priority,
                                 boolean repeat, String actor, List<Publication> countedOfPiece) {
        access.act(piece.unitCode(), Refusal.Noun.PIECE, piece.id());
        if (piece.status() != PieceStatus.APPROVED) {
            throw Refusal.conflict(RefusalCode.PIECE_NOT_APPROVED, piece.id(), new Refusal.Word("status." + piece.status()));
        }
        checkAhead(plannedAt, zone);
        access.act(channel.unitCode(), Refusal.Noun.CHANNEL, channel.id());
        ChannelAdapter adapter = adapterOf(channel);
        Instant deadline = deadline(adapter, channel, zone, plannedAt);
        if (!deadline.isAfter(clock.instant())) {
            throw Refusal.invalid("plannedAt", RefusalCode.PAST_DEADLINE_ON, Refusal.time(plannedAt, zone),
                    Refusal.time(deadline, zone), channel.name());
        }
        refuseUnmet(adapter.unmet(piece, channel));
        Payload payload = adapter.render(piece, channel);
        repeats.check(countedOfPiece, channel, zone, adapter, payload, repeat);
        Instant now = clock.instant();
        return new Publication(null, piece.id(), piece.revision(), channel.id(), piece.unitCode(), plannedAt, deadline,
                PublicationStatus.SCHEDULED, payload.body(), summary(payload), null, null, 0, null, null, null, actor, now,
                now, priority, payload.warningText());
    }

    /** A channel's hard requirement the piece does not meet: the same words as the piece's preview for that channel. */
    private static void refuseUnmet(List<ChannelRequirement> unmet) {
        if (!unmet.isEmpty()) {
            ChannelRequirement first = unmet.get(0);
            throw new Refusal(Refusal.Kind.CONFLICT, first.code(),
                    unmet.stream().map(u -> new Refusal.FieldError("channelIds", u.code(), u.args())).toList(),
                    first.args().toArray());
        }
    }

    private void checkAhead(Instant plannedAt, String unitCode) {
        if (plannedAt.isAfter(clock.instant().plus(config.maxAhead()))) {
            checkAhead(plannedAt, units.zoneOf(unitCode));
        }
    }

    private void checkAhead(Instant plannedAt, ZoneId zone) {
        Instant latest = clock.instant().plus(config.maxAhead());
        if (plannedAt.isAfter(latest)) {
            java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
            throw Refusal.invalid("plannedAt", RefusalCode.PLANNED_TOO_FAR, day.format(plannedAt.atZone(zone)),
                    config.maxAhead().toDays(), day.format(latest.atZone(zone)));
        }
    }

    @Transactional
    public Publication reschedule(long id, Instant plannedAt, String actor) {
        Publication publication = toChange(id);
        if (!WAITING.contains(publication.status()) && publication.status() != PublicationStatus.NEEDS_ATTENTION
                && publication.status() != PublicationStatus.EXPIRED) {
            throw Refusal.conflict(RefusalCode.PUBLICATION_NOT_MOVABLE, id, new Refusal.Word("pstatus." + publication.status()));
        }
        Channel channel = channels.get(publication.channelId());
        checkAhead(plannedAt, publication.unitCode());
        Instant deadline = deadline(adapterOf(channel), channel, plannedAt);
        if (!deadline.isAfter(clock.instant())) {
            ZoneId zone = units.zoneOf(channel.unitCode());
            throw Refusal.invalid("plannedAt", RefusalCode.PAST_DEADLINE_ON, Refusal.time(plannedAt, zone),
                    Refusal.time(deadline, zone), channel.name());
        }
        Publication moved = store.move(publication.withPlan(plannedAt, deadline), PublicationStatus.SCHEDULED, actor,
                EventNote.moved(publication.plannedAt(), plannedAt));
        queue.enqueue(id, plannedAt);
        return moved;
    }

    /**
     * A channel's own planner moves a publication it could not fit (a full loudspeaker session) to a later time, with
     * a warning. One being sent keeps its state: its dispatcher finishes the attempt on the moved row.
     */
    @Transactional
    public Publication defer(long id, Instant plannedAt, String warning, String actor) {
        Publication publication = toChange(id);
        Channel channel = channels.get(publication.channelId());
        Publication moved = publication.withPlan(plannedAt, deadline(adapterOf(channel), channel, plannedAt)).withWarning(warning);
        if (publication.status() == PublicationStatus.SENDING) {
            return store.update(moved, actor, EventNote.deferred(plannedAt, warning));
        }
        if (!WAITING.contains(publication.status())) {
            throw Refusal.conflict(RefusalCode.PUBLICATION_NOT_MOVABLE, id, new Refusal.Word("pstatus." + publication.status()));
        }
        Publication result = store.move(moved, PublicationStatus.SCHEDULED, actor, EventNote.deferred(plannedAt, warning));
        queue.enqueue(id, plannedAt);
        return result;
    }

    /** Leaves a warning on the publication for people to see; the same warning twice is kept once. */
    @Transactional
    public Publication warn(long id, String warning, String actor) {
        Publication publication = toChange(id);
        return warning.equals(publication.warning()) ? publication : store.update(publication.withWarning(warning), actor,
                EventNote.because("warned", warning));
    }

    @Transactional
    public Publication cancel(long id, @Nullable String reason, String actor) {
        Publication publication = toChange(id);
        if (publication.status() == PublicationStatus.PUBLISHED && !publication.dryRunOnly()) {
            Channel channel = channels.get(publication.channelId());
            if (!adapterOf(channel).withdrawsOnCancel()) {
                throw Refusal.conflict(RefusalCode.PUBLISHED_KEPT, id, channel.name());
            }
            return store.move(publication, PublicationStatus.CANCELLED, actor, EventNote.because("withdrawn", reason));
        }
        return store.move(publication, PublicationStatus.CANCELLED, actor, EventNote.because("cancelled", reason));
    }

    /**
     * Whether cancelling can work, so the pages offer it only then: a publication not yet out, a dry run (it never
     * reached the platform), or one on a channel that takes the post down (the built-in portal).
     */
    public boolean cancellable(Publication publication) {
        if (!publication.status().canMoveTo(PublicationStatus.CANCELLED)) {
            return false;
        }
        if (publication.status() != PublicationStatus.PUBLISHED || publication.dryRunOnly()) {
            return true;
        }
        return channels.find(publication.channelId()).map(c -> adapterOf(c).withdrawsOnCancel()).orElse(false);
    }

    /** A person sends a publication that needed attention or expired again, now. */
    @Transactional
    public Publication retry(long id, String actor) {
        Publication publication = toChange(id);
        if (publication.status() != PublicationStatus.NEEDS_ATTENTION && publication.status() != PublicationStatus.EXPIRED) {
            throw Refusal.conflict(RefusalCode.RETRY_NOT_ALLOWED, id, new Refusal.Word("pstatus." + publication.status()));
        }
        return reschedule(id, clock.instant(), actor);
    }

    /** A publication of a unit the caller reaches; another unit's answers as a missing one does. */
    public Publication get(long id) {
        Publication publication = store.get(id);
        access.read(publication.unitCode(), Refusal.Noun.PUBLICATION, id);
        return publication;
    }

    private Publication toChange(long id) {
        Publication publication = store.get(id);
        access.act(publication.unitCode(), Refusal.Noun.PUBLICATION, id);
        return publication;
    }

    public List<Attempt> attempts(long id) {
        get(id);
        return store.attempts(id);
    }

    public List<PublicationEvent> events(long id) {
        get(id);
        return store.events(id);
    }

    /** The publications of the units the caller reaches that pass the filter. */
    public Page<Publication> list(Filter filter, Pageable pageable) {
        List<PredicateSpecification<Publication>> conditions = new ArrayList<>();
        Optional<Set<String>> readable = access.readableUnits();
        if (readable.isPresent() && readable.get().isEmpty()) {
            return Page.empty();
        }
        readable.ifPresent(units -> conditions.add((root, cb) -> root.get("unitCode").in(units)));
        if (filter.status() != null) {
            conditions.add((root, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.channelId() != null) {
            conditions.add((root, cb) -> cb.equal(root.get("channelId"), filter.channelId()));
        }
        if (filter.pieceId() != null) {
            conditions.add((root, cb) -> cb.equal(root.get("pieceId"), filter.pieceId()));
        }
        if (filter.from() != null) {
            conditions.add((root, cb) -> cb.greaterThanOrEqualTo(root.get("plannedAt"), filter.from()));
        }
        if (filter.to() != null) {
            conditions.add((root, cb) -> cb.lessThan(root.get("plannedAt"), filter.to()));
        }
        PredicateSpecification<Publication> where = conditions.stream().reduce(PredicateSpecification::and).orElse(null);
        return publications.findAll(where, Pageable.from(pageable.getNumber(), pageable.getSize(),
                Sort.of(Sort.Order.asc("plannedAt"), Sort.Order.asc("id"))));
    }

    /**
     * Every publication planned in [from, to), of one unit's pieces or on one channel (each optional), earliest
     * first: what a calendar feed shows. The caller bounds the window and has checked the unit: an iCalendar feed is
     * read by its secret token, with no login.
     */
    public List<Publication> planned(@Nullable String unitCode, @Nullable String channelId, Instant from, Instant to) {
        PredicateSpecification<Publication> where = (root, cb) -> cb.and(
                cb.greaterThanOrEqualTo(root.get("plannedAt"), from), cb.lessThan(root.get("plannedAt"), to));
        if (unitCode != null) {
            where = where.and((root, cb) -> cb.equal(root.get("unitCode"), unitCode));
        }
        if (channelId != null) {
            where = where.and((root, cb) -> cb.equal(root.get("channelId"), channelId));
        }
        return publications.findAll(where, Sort.of(Sort.Order.asc("plannedAt"), Sort.Order.asc("id")));
    }

    /** A publication as a calendar shows it. */
    @Introspected
    public record Planned(long id, long pieceId, String channelId, Instant plannedAt, PublicationStatus status,
                         @Nullable String warning) {}

    /** Every publication on these channels planned in [from, to), earliest first, then by id; the caller bounds the window. */
    public List<Planned> plannedOn(Collection<String> channelIds, Instant from, Instant to) {
        if (channelIds.isEmpty()) {
            return List.of();
        }
        return publications.findPlannedOn(channelIds, from, to);
    }

    /**
     * Whether the piece meets the channel's hard requirements ({@link ChannelAdapter#unmet}): planners (campaigns, the
     * gap filler) propose only what scheduling would accept.
     */
    public boolean meetsRequirements(Piece piece, Channel channel) {
        return adapters.forChannel(channel).map(adapter -> adapter.unmet(piece, channel).isEmpty()).orElse(true);
    }

    /**
     * Whether a campaign slot at {@code slotAt} may take the piece on the channel: not when the channel carries it, or
     * will, in the slot's year or later, and never again on a platform that refuses identical posts. A piece the
     * channel carried in an earlier year is a campaign's deliberate yearly repeat.
     */
    public boolean freeForCampaign(long pieceId, String channelId, Instant slotAt) {
        return free(pieces.get(pieceId), channels.find(channelId), channelId,
                publications.findByPieceIdAndStatusInList(pieceId, Repeats.COUNTED), slotAt);
    }

    /** {@link #freeForCampaign} for many slots at once. */
    public interface CampaignCheck {
        boolean free(long pieceId, Channel channel, Instant slotAt);
    }

    /** Answers {@link #freeForCampaign} from these pieces and their publications, each read once, here. */
    public CampaignCheck campaignCheck(Collection<Long> pieceIds) {
        Map<Long, Piece> byId = pieces.getAll(pieceIds);
        Map<Long, List<Publication>> counted = countedOf(byId.keySet());
        return (pieceId, channel, slotAt) -> byId.containsKey(pieceId) && free(byId.get(pieceId), Optional.of(channel),
                channel.id(), counted.getOrDefault(pieceId, List.of()), slotAt);
    }

    private boolean free(Piece piece, Optional<Channel> channel, String channelId, List<Publication> countedOfPiece,
                         Instant slotAt) {
        if (channel.isPresent() && !meetsRequirements(piece, channel.get())) {
            return false;
        }
        List<Publication> earlier = countedOfPiece.stream().filter(p -> p.channelId().equals(channelId)).toList();
        if (earlier.isEmpty()) {
            return true;
        }
        boolean identicalRefused = channel.flatMap(adapters::forChannel).map(ChannelAdapter::refusesIdenticalText)
                .orElse(false);
        int slotYear = slotAt.atZone(ZoneOffset.UTC).getYear();
        return !identicalRefused && earlier.stream().allMatch(p -> p.plannedAt().atZone(ZoneOffset.UTC).getYear() < slotYear);
    }

    /** The publications of these pieces that count as on their channel ({@link Repeats#COUNTED}), by piece. */
    private Map<Long, List<Publication>> countedOf(Collection<Long> pieceIds) {
        if (pieceIds.isEmpty()) {
            return Map.of();
        }
        return publications.findByPieceIdInListAndStatusInList(pieceIds, Repeats.COUNTED).stream()
                .collect(Collectors.groupingBy(Publication::pieceId));
    }

    /** The pieces with a publication on one of these channels whose status is not one of {@code except}. */
    public Set<Long> piecesOn(Collection<String> channelIds, Set<PublicationStatus> except) {
        if (channelIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(publications.findPieceIdsOnChannels(channelIds, except));
    }

    /**
     * The channel's publications out on the platform (published, with the platform's id) planned in [since, until),
     * with an id above {@code afterId}, at most {@code limit}, in id order: what an engagement reading asks about. Herald's
     * own work: the caller has chosen the channel.
     */
    public List<PublishedPost> publishedPosts(String channelId, Instant since, Instant until, long afterId, int limit) {
        return publications.findPublishedPosts(channelId, since, until, afterId, limit);
    }

    /** Resumes a paused channel and puts its waiting publications back in the queue. */
    @Transactional
    public Channel resume(String channelId, String actor) {
        access.act(channels.get(channelId).unitCode(), Refusal.Noun.CHANNEL, channelId);
        Channel channel = channels.resume(channelId);
        Instant now = clock.instant();
        for (Publication waiting : publications.findByChannelIdAndStatusInList(channelId,
                EnumSet.of(PublicationStatus.SCHEDULED, PublicationStatus.RETRY_WAIT, PublicationStatus.UNKNOWN))) {
            queue.enqueue(waiting.id(), waiting.plannedAt().isAfter(now) ? waiting.plannedAt() : now);
        }
        return channel;
    }

    /** A new approved revision re-makes what waits to be sent; an archived piece leaves every channel. */
    @EventListener
    void onPieceChanged(PieceChanged change) {
        if (change.status() == PieceStatus.APPROVED) {
            List<Publication> waiting = publications.findByPieceIdAndStatusInList(change.pieceId(), WAITING);
            if (waiting.isEmpty()) {
                return;
            }
            Piece piece = pieces.get(change.pieceId());
            for (Publication publication : waiting) {
                if (publication.pieceRevision() == change.revision()) {
                    continue;
                }
                Channel channel = channels.get(publication.channelId());
                Payload payload = adapterOf(channel).render(piece, channel);
                store.update(publication.withPayload(change.revision(), payload.body(), summary(payload)).withWarning(payload.warningText()), "approval",
                        EventNote.payloadRemade(change.revision(), publication.pieceRevision()));
            }
        } else if (change.status() == PieceStatus.ARCHIVED) {
            for (Publication publication : publications.findByPieceIdAndStatusInList(change.pieceId(),
                    EnumSet.of(PublicationStatus.SCHEDULED, PublicationStatus.RETRY_WAIT, PublicationStatus.NEEDS_ATTENTION))) {
                store.move(publication, PublicationStatus.CANCELLED, "archive", EventNote.of("piece-archived"));
            }
        }
    }

    /**
     * Portal channels are scheduled before the others of the same call, so a post elsewhere (Facebook) already sees
     * the portal publication and links to the piece's portal page.
     */
    private List<String> portalFirst(List<String> channelIds) {
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(channelIds));
        ordered.sort(Comparator.comparing(id -> channels.find(id).map(c -> c.type() != ChannelType.EPORTAL).orElse(true)));
        return ordered;
    }

    private ChannelAdapter adapterOf(Channel channel) {
        return adapters.forChannel(channel).orElseThrow(() -> Refusal.conflict(RefusalCode.CHANNEL_NO_ADAPTER, channel.name(), channel.type()));
    }

    private Instant deadline(ChannelAdapter adapter, Channel channel, Instant plannedAt) {
        return deadline(adapter, channel, units.zoneOf(channel.unitCode()), plannedAt);
    }

    private static Instant deadline(ChannelAdapter adapter, Channel channel, ZoneId zone, Instant plannedAt) {
        return adapter.deadline(plannedAt, channel, zone).orElseGet(() ->
                plannedAt.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String summary(Payload payload) {
        String summary = payload.summary() == null ? "" : payload.summary().strip();
        return summary.length() > 1000 ? summary.substring(0, 999) + "…" : summary;
    }
}
