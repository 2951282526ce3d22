package vn.herald.campaign;

import vn.herald.support.JsonText;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Refusal;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.Priority;
import vn.herald.channel.Channels;
import vn.herald.content.PieceKind;
import vn.herald.publishing.Placement;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Makes campaign instances and keeps their slots filled. Launching writes the instance, its planned slots and the
 * first piece of each slot in one transaction, set-based: the pieces go into the slots by {@link Placement}, and the
 * publications, slots and pieces used are written in batches. The unique key (code, year, unit) lets exactly one of
 * several racing launchers succeed, and the others take the duplicate key as "already launched". Filling a running
 * campaign later puts approved pieces carrying the campaign's tag into empty slots still ahead, through
 * {@link Publishing}, each piece at most once per channel, under a lock on the campaign's row, one slot per
 * transaction so a refused piece never undoes the others.
 */
@Singleton
class CampaignLauncher {

    static final String ACTOR = "campaign";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignLauncher.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** A publication in these states no longer fills its slot: the slot may take another piece. */
    private static final Set<PublicationStatus> GONE = EnumSet.of(PublicationStatus.CANCELLED, PublicationStatus.EXPIRED);
    private static final int MAX_CANDIDATES = 500;
    /** Campaigns place by the plain rule: a channel takes only the kinds it carries. */
    private static final Placement<Candidate> PLACEMENT = new Placement<>(Candidate::id, Candidate::kind, false);

    /** What a launch did: the instance, and whether this call made it. */
    record Launch(Campaign campaign, boolean created) {}

    /** An approved piece carrying a campaign's tag: all a fill needs to know of it. */
    @Introspected
    record Candidate(long id, String unitCode, PieceKind kind) {}

    private final CampaignRepository campaigns;
    private final CampaignSlotRepository slots;
    private final CampaignTemplates templates;
    private final Publishing publishing;
    private final Channels channels;
    private final ChannelAdapters adapters;
    private final Units units;
    private final CampaignConfig config;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    CampaignLauncher(CampaignRepository campaigns, CampaignSlotRepository slots, CampaignTemplates templates,
                     Publishing publishing, Channels channels, ChannelAdapters adapters, Units units,
                     CampaignConfig config, TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.slots = slots;
        this.templates = templates;
        this.publishing = publishing;
        this.channels = channels;
        this.adapters = adapters;
        this.units = units;
        this.config = config;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Launches every template whose window is open today in each unit's zone and is not launched yet (late rather
     * than never: a server that was down on the opening day launches on its next sweep), then fills the empty slots
     * of every campaign still running. Answers the instances this sweep made. The channels, the instances already
     * launched and the pieces carrying each tag are read once per sweep, not once per unit: a national sweep meets
     * thousands of units. The units' launches, then the running campaigns' fills, run on {@code sweepThreads}
     * threads, each in its own transactions: the unique key and the campaign's lock keep them apart as they keep
     * instances apart.
     */
    List<Campaign> sweep() {
        Lookup lookup = new Lookup(channels.list());
        Map<String, Set<String>> launchedUnits = new HashMap<>();
        Map<String, Map<String, List<Candidate>>> taggedByUnit = new HashMap<>();
        List<CampaignTemplate> all = templates.list();
        List<Callable<Optional<Campaign>>> launches = new ArrayList<>();
        for (Unit unit : units.list()) {
            LocalDate today = clock.instant().atZone(unit.zoneId()).toLocalDate();
            for (CampaignTemplate template : all) {
                Optional<Integer> open = CampaignWindow.yearOpenOn(template, today);
                if (open.isEmpty() || launchedUnits.computeIfAbsent(template.code() + " " + open.get(), key ->
                        new HashSet<>(campaigns.findUnitCodeByCodeAndYear(template.code(), open.get()))).contains(unit.code())) {
                    continue;
                }
                int year = open.get();
                List<Candidate> tagged = taggedByUnit.computeIfAbsent(template.tag(), tag -> byUnit(candidates(tag, null)))
                        .getOrDefault(unit.code(), List.of());
                launches.add(() -> {
                    try {
                        Launch launch = launch(template.code(), year, unit, CampaignOrigin.TEMPLATE, template.name(),
                                CampaignRules.of(template), CampaignWindow.of(template, year), ACTOR, lookup, tagged);
                        return launch.created() ? Optional.of(launch.campaign()) : Optional.empty();
                    } catch (RuntimeException e) {
                        // one campaign that cannot launch never keeps the others from launching; the next sweep tries again
                        LOG.error("Campaign {} {} of {} could not be launched", template.code(), year, unit.code(), e);
                        return Optional.empty();
                    }
                });
            }
        }
        List<Campaign> launched = inParallel(launches).stream().flatMap(Optional::stream).toList();
        Set<Long> filled = launched.stream().map(Campaign::id).collect(Collectors.toSet());
        List<Callable<Optional<Campaign>>> fills = new ArrayList<>();
        // a day's margin: each campaign's own zone decides below whether a slot is still ahead
        for (Campaign running : campaigns.findByWindowEndGreaterThanEquals(clock.instant().atZone(ZoneOffset.UTC)
                .toLocalDate().minusDays(1))) {
            if (filled.contains(running.id())) {
                continue; // launched and filled a moment ago by this sweep
            }
            List<Candidate> tagged;
            try {
                tagged = taggedByUnit.computeIfAbsent(rules(running).tag(), t -> byUnit(candidates(t, null)))
                        .getOrDefault(running.unitCode(), List.of());
            } catch (RuntimeException e) {
                LOG.error("Campaign {} ({} {} of {}) could not be filled", running.id(), running.code(), running.year(),
                        running.unitCode(), e);
                continue;
            }
            if (tagged.isEmpty()) {
                continue;
            }
            fills.add(() -> {
                try {
                    fill(running, lookup, tagged);
                } catch (RuntimeException e) {
                    LOG.error("Campaign {} ({} {} of {}) could not be filled", running.id(), running.code(), running.year(),
                            running.unitCode(), e);
                }
                return Optional.empty();
            });
        }
        inParallel(fills);
        return launched;
    }

    /** Runs the work on at most {@code sweepThreads} threads and answers the results in the work's order. */
    private <T> List<T> inParallel(List<Callable<T>> work) {
        if (work.isEmpty()) {
            return List.of();
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(config.sweepThreads(), work.size()), runnable -> {
            Thread thread = new Thread(runnable, "herald-campaign-sweep-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<T> results = new ArrayList<>(work.size());
            for (Future<T> done : pool.invokeAll(work)) {
                results.add(done.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("campaign sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("campaign sweep failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Makes the instance with its slots and fills them; a racing launcher that made it first wins. */
    Launch launch(String code, int year, Unit unit, CampaignOrigin origin, String name, CampaignRules rules,
                  CampaignWindow window, String actor) {
        return launch(code, year, unit, origin, name, rules, window, actor, new Lookup(channels.list()),
                candidates(rules.tag(), unit.code()));
    }

    /**
     * The instance, its slots and their first pieces are written in one transaction: nobody can have filled or used
     * anything of an instance not yet committed, so no lock and no re-check is needed per slot. Should publishing
     * refuse a piece meanwhile (approval withdrawn, a channel changed), that transaction is undone whole and the
     * launch is done again without pieces, then filled slot by slot, so a refusal costs no other slot its piece.
     */
    private Launch launch(String code, int year, Unit unit, CampaignOrigin origin, String name, CampaignRules rules,
                          CampaignWindow window, String actor, Lookup lookup, List<Candidate> tagged) {
        Campaign made;
        try {
            try {
                made = transactions.executeWrite(status -> create(status.getConnection(), code, year, unit, origin,
                        name, rules, window, actor, lookup, tagged));
            } catch (Refusal refusal) {
                LOG.info("Campaign {} {} of {}: {}; its slots are filled one by one", code, year, unit.code(),
                        refusal.getMessage());
                made = transactions.executeWrite(status -> create(status.getConnection(), code, year, unit, origin,
                        name, rules, window, actor, lookup, List.of()));
                fill(made, lookup, tagged);
            }
        } catch (RuntimeException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            LOG.info("Campaign {} {} of {} was launched by another instance", code, year, unit.code());
            return new Launch(campaigns.findByCodeAndYearAndUnitCode(code, year, unit.code()).orElseThrow(() -> e), false);
        }
        LOG.info("Campaign {} {} of {} launched by {}: window {} to {}", code, year, unit.code(), actor, window.start(),
                window.end());
        return new Launch(made, true);
    }

    /**
     * Writes the instance, places pieces in its planned slots by {@link #PLACEMENT} (oldest tagged piece first, each
     * at most once per channel, only where publishing would take it), and writes the publications, the slots and the
     * pieces used, each in one batch.
     */
    private Campaign create(Connection connection, String code, int year, Unit unit, CampaignOrigin origin, String name,
                            CampaignRules rules, CampaignWindow window, String actor, Lookup lookup, List<Candidate> tagged) {
        Campaign campaign = campaigns.save(new Campaign(null, code, year, unit.code(), origin, name, JsonText.of(json, rules),
                window.start(), window.end(), clock.instant(), actor));
        List<CampaignSlot> planned = plan(campaign, rules, unit.zoneId(), lookup.ofUnit(unit.code()));
        if (tagged.isEmpty() || planned.isEmpty()) {
            insertSlots(connection, planned);
            return campaign;
        }
        Publishing.CampaignCheck check = publishing.campaignCheck(tagged.stream().map(Candidate::id).toList());
        List<Placement.Slot> moments = planned.stream().map(slot -> new Placement.Slot(slot.channelId(),
                lookup.byId().get(slot.channelId()).type(), slot.plannedAt())).toList();
        // a channel of a type this version cannot send to is skipped: publishing would refuse it
        List<Placement.Placed<Candidate>> placed = PLACEMENT.place(moments, tagged, (slot, piece) -> {
            Channel channel = lookup.byId().get(slot.channelId());
            return adapters.forChannel(channel).isPresent() && check.free(piece.id(), channel, slot.at());
        }, Placement.listOrder());
        List<Publishing.Order> orders = new ArrayList<>();
        for (Placement.Placed<Candidate> p : placed) {
            if (p.piece() != null) {
                orders.add(new Publishing.Order(p.piece().id(), p.slot().channelId(), p.slot().at()));
            }
        }
        Iterator<Publication> scheduled = publishing.scheduleAll(orders, Priority.NORMAL, true, ACTOR).iterator();
        List<CampaignSlot> written = new ArrayList<>(planned.size());
        for (int i = 0; i < planned.size(); i++) {
            written.add(placed.get(i).piece() == null ? planned.get(i) : planned.get(i).filledBy(scheduled.next().id()));
        }
        insertSlots(connection, written);
        markUsed(connection, campaign.id(), orders);
        return campaign;
    }

    /** Writes a new instance's slots in one batch; plain JDBC, since a national sweep writes hundreds of thousands. */
    private static void insertSlots(Connection connection, List<CampaignSlot> planned) {
        if (planned.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into campaign_slot (campaign_id, channel_id, planned_at, publication_id) values (?, ?, ?, ?)")) {
            for (CampaignSlot slot : planned) {
                insert.setLong(1, slot.campaignId());
                insert.setString(2, slot.channelId());
                insert.setObject(3, slot.plannedAt().atOffset(ZoneOffset.UTC));
                if (slot.publicationId() == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, slot.publicationId());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("campaign " + planned.get(0).campaignId() + ": cannot write its slots", e);
        }
    }

    /** Records the pieces put on each channel, in one batch. */
    private static void markUsed(Connection connection, long campaignId, List<Publishing.Order> orders) {
        if (orders.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into campaign_piece (campaign_id, channel_id, piece_id) values (?, ?, ?)")) {
            for (Publishing.Order order : orders) {
                insert.setLong(1, campaignId);
                insert.setString(2, order.channelId());
                insert.setLong(3, order.pieceId());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("campaign " + campaignId + ": cannot record the pieces used", e);
        }
    }

    /** Puts approved pieces carrying the campaign's tag into its empty slots still ahead. */
    void fill(long campaignId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> Refusal.notFound(Refusal.Noun.CAMPAIGN, campaignId));
        fill(campaign, new Lookup(channels.list()), candidates(rules(campaign).tag(), campaign.unitCode()));
    }

    private void fill(Campaign campaign, Lookup lookup, List<Candidate> tagged) {
        if (tagged.isEmpty()) {
            return;
        }
        long campaignId = campaign.id();
        List<CampaignSlot> open = slots.findOpen(campaignId, clock.instant());
        if (open.isEmpty()) {
            return;
        }
        // pieces used or refused per channel in this fill; the lock taken for each slot checks the used ones again
        Map<String, Set<Long>> skip = new HashMap<>();
        for (CampaignSlotRepository.UsedPiece used : slots.piecesUsed(campaignId)) {
            skip.computeIfAbsent(used.channelId(), id -> new HashSet<>()).add(used.pieceId());
        }
        for (CampaignSlot slot : open) {
            Channel channel = lookup.byId().get(slot.channelId());
            if (channel == null || channels.fileRemoved(channel)) {
                continue;
            }
            Set<Long> skipped = skip.computeIfAbsent(slot.channelId(), id -> new HashSet<>());
            for (Candidate piece : tagged) {
                if (!channel.type().carries(piece.kind()) || skipped.contains(piece.id())) {
                    continue;
                }
                skipped.add(piece.id());
                if (fillWith(slot, piece.id())) {
                    break;
                }
            }
        }
    }

    /** Approved pieces carrying the tag, of one unit or of all, oldest first, at most {@value #MAX_CANDIDATES} a unit. */
    private List<Candidate> candidates(String tag, @Nullable String unitCode) {
        String pattern = "%" + escapeLike(JsonText.of(json, Normalizer.normalize(tag, Normalizer.Form.NFC).strip())) + "%";
        List<Candidate> found = unitCode == null ? campaigns.findApprovedTagged(pattern)
                : campaigns.findApprovedTaggedOf(unitCode, pattern);
        return unitCode == null ? found : found.stream().limit(MAX_CANDIDATES).toList();
    }

    private static Map<String, List<Candidate>> byUnit(List<Candidate> candidates) {
        Map<String, List<Candidate>> byUnit = new HashMap<>();
        for (Candidate candidate : candidates) {
            List<Candidate> ofUnit = byUnit.computeIfAbsent(candidate.unitCode(), unit -> new ArrayList<>());
            if (ofUnit.size() < MAX_CANDIDATES) {
                ofUnit.add(candidate);
            }
        }
        return byUnit;
    }

    /** The channels read once for a sweep or a launch, by unit and by id. */
    private record Lookup(Map<String, List<Channel>> byUnit, Map<String, Channel> byId) {
        Lookup(List<Channel> all) {
            this(all.stream().collect(Collectors.groupingBy(Channel::unitCode)),
                    all.stream().collect(Collectors.toMap(Channel::id, channel -> channel)));
        }

        List<Channel> ofUnit(String unitCode) {
            return byUnit.getOrDefault(unitCode, List.of());
        }
    }

    /** Plans the slots of every channel of the campaign's unit from its cadence. */
    private List<CampaignSlot> plan(Campaign campaign, CampaignRules rules, ZoneId zone, List<Channel> ofUnit) {
        List<CampaignSlot> planned = new ArrayList<>();
        outline(rules, campaign.window(), zone, ofUnit).forEach((channel, moments) -> moments.forEach(at ->
                planned.add(new CampaignSlot(null, campaign.id(), channel.id(), at, null))));
        planned.sort(Comparator.comparing(CampaignSlot::plannedAt));
        return planned;
    }

    /**
     * The slots a launch made now would plan, per channel of the unit in its listed order; nothing is written, so a
     * person can see what a campaign will ask of each channel before it launches.
     */
    Map<Channel, List<Instant>> outline(CampaignRules rules, CampaignWindow window, Unit unit) {
        return outline(rules, window, unit.zoneId(), new Lookup(channels.list()).ofUnit(unit.code()));
    }

    private Map<Channel, List<Instant>> outline(CampaignRules rules, CampaignWindow window, ZoneId zone,
                                                List<Channel> ofUnit) {
        SlotPlan plan = new SlotPlan(window, zone, config.publishTime(), clock.instant());
        Map<Channel, List<Instant>> outline = new LinkedHashMap<>();
        for (Channel channel : ofUnit) {
            if (channels.fileRemoved(channel)) {
                continue;
            }
            Cadence cadence = rules.cadenceOf(channel.type());
            if (cadence == Cadence.NONE) {
                continue;
            }
            Optional<List<Instant>> sessions = adapters.forChannel(channel)
                    .flatMap(adapter -> adapter.sessionStarts(channel, window.opensAt(zone), window.closesAt(zone), zone));
            outline.put(channel, plan.slots(cadence, sessions));
        }
        return outline;
    }

    /** How many approved pieces of the unit carry the tag, as many as a launch would consider. */
    int tagged(String tag, String unitCode) {
        return candidates(tag, unitCode).size();
    }

    private boolean fillable(CampaignSlot slot) {
        if (slot.plannedAt().isBefore(clock.instant())) {
            return false;
        }
        return slot.publicationId() == null || GONE.contains(publishing.get(slot.publicationId()).status());
    }

    /**
     * Schedules the piece into the slot unless, under the campaign's lock, the slot turned out filled or the piece
     * already used on this channel. A refusal from publishing (a deadline passed, a channel without adapter) leaves
     * the slot for the next piece.
     */
    private boolean fillWith(CampaignSlot slot, long pieceId) {
        try {
            return transactions.executeWrite(status -> {
                campaigns.lock(slot.campaignId());
                CampaignSlot current = slots.findById(slot.id()).orElseThrow();
                if (!fillable(current)) {
                    return true;
                }
                if (slots.piecesUsed(slot.campaignId(), slot.channelId()).contains(pieceId)
                        || !publishing.freeForCampaign(pieceId, slot.channelId(), slot.plannedAt())) {
                    return false;
                }
                Publication publication = publishing.schedule(pieceId, List.of(slot.channelId()), slot.plannedAt(),
                        Priority.NORMAL, true, ACTOR).get(0);
                slots.markUsed(slot.campaignId(), slot.channelId(), pieceId);
                slots.update(current.filledBy(publication.id()));
                return true;
            });
        } catch (Refusal refusal) {
            LOG.warn("Campaign {}: piece {} not scheduled on {} at {}: {}", slot.campaignId(), pieceId,
                    slot.channelId(), slot.plannedAt(), refusal.getMessage());
            return false;
        }
    }

    CampaignRules rules(Campaign campaign) {
        try {
            return json.readValue(campaign.rules(), CampaignRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("campaign " + campaign.id() + " has unreadable rules", e);
        }
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** JSON text of a campaign's rules, or of a tag as it stands quoted inside a piece's JSON list of campaigns. */

    private static boolean duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
