package vn.herald.campaign;

import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.Refusal;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapters;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes campaign instances and keeps their slots filled. Launching writes the instance and its planned slots in one
 * transaction; the unique key (code, year, unit) lets exactly one of several racing launchers succeed, and the others
 * take the duplicate key as "already launched". Filling puts approved pieces carrying the campaign's tag into empty
 * slots still ahead, through {@link Publishing}, each piece at most once per channel, under a lock on the campaign's
 * row, one slot per transaction so a refused piece never undoes the others.
 */
@Singleton
class CampaignLauncher {

    static final String ACTOR = "campaign";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignLauncher.class);
    private static final String UNIQUE_VIOLATION = "23505";
    /** A publication in these states no longer fills its slot: the slot may take another piece. */
    private static final Set<PublicationStatus> GONE = EnumSet.of(PublicationStatus.CANCELLED, PublicationStatus.EXPIRED);
    private static final int MAX_CANDIDATES = 500;

    /** What a launch did: the instance, and whether this call made it. */
    record Launch(Campaign campaign, boolean created) {}

    private final CampaignRepository campaigns;
    private final CampaignSlotRepository slots;
    private final CampaignTemplates templates;
    private final Publishing publishing;
    private final Pieces pieces;
    private final Channels channels;
    private final ChannelAdapters adapters;
    private final Units units;
    private final CampaignConfig config;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final Clock clock;

    CampaignLauncher(CampaignRepository campaigns, CampaignSlotRepository slots, CampaignTemplates templates,
                     Publishing publishing, Pieces pieces, Channels channels, ChannelAdapters adapters, Units units,
                     CampaignConfig config, TransactionOperations<Connection> transactions, JsonMapper json, Clock clock) {
        this.campaigns = campaigns;
        this.slots = slots;
        this.templates = templates;
        this.publishing = publishing;
        this.pieces = pieces;
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
     * of every campaign still running. Answers the instances this sweep made.
     */
    List<Campaign> sweep() {
        List<Campaign> launched = new ArrayList<>();
        for (Unit unit : units.list()) {
            LocalDate today = clock.instant().atZone(unit.zoneId()).toLocalDate();
            for (CampaignTemplate template : templates.list()) {
                Optional<Integer> year = CampaignWindow.yearOpenOn(template, today);
                if (year.isPresent() && !campaigns.existsByCodeAndYearAndUnitCode(template.code(), year.get(), unit.code())) {
                    try {
                        Launch launch = launch(template.code(), year.get(), unit, CampaignOrigin.TEMPLATE, template.name(),
                                CampaignRules.of(template), CampaignWindow.of(template, year.get()), ACTOR);
                        if (launch.created()) {
                            launched.add(launch.campaign());
                        }
                    } catch (RuntimeException e) {
                        // one campaign that cannot launch never keeps the others from launching; the next sweep tries again
                        LOG.error("Campaign {} {} of {} could not be launched", template.code(), year.get(), unit.code(), e);
                    }
                }
            }
        }
        // a day's margin: each campaign's own zone decides below whether a slot is still ahead
        for (Campaign running : campaigns.findByWindowEndGreaterThanEquals(clock.instant().atZone(ZoneOffset.UTC)
                .toLocalDate().minusDays(1))) {
            try {
                fill(running.id());
            } catch (RuntimeException e) {
                LOG.error("Campaign {} ({} {} of {}) could not be filled", running.id(), running.code(), running.year(),
                        running.unitCode(), e);
            }
        }
        return launched;
    }

    /** Makes the instance with its slots and fills them; a racing launcher that made it first wins. */
    Launch launch(String code, int year, Unit unit, CampaignOrigin origin, String name, CampaignRules rules,
                  CampaignWindow window, String actor) {
        Campaign made;
        try {
            made = transactions.executeWrite(status -> {
                Campaign campaign = campaigns.save(new Campaign(null, code, year, unit.code(), origin, name, write(rules),
                        window.start(), window.end(), clock.instant(), actor));
                slots.saveAll(plan(campaign, rules, unit.zoneId()));
                return campaign;
            });
        } catch (RuntimeException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            LOG.info("Campaign {} {} of {} was launched by another instance", code, year, unit.code());
            return new Launch(campaigns.findByCodeAndYearAndUnitCode(code, year, unit.code()).orElseThrow(() -> e), false);
        }
        LOG.info("Campaign {} {} of {} launched by {}: window {} to {}", code, year, unit.code(), actor, window.start(),
                window.end());
        fill(made.id());
        return new Launch(made, true);
    }

    /** Puts approved pieces carrying the campaign's tag into its empty slots still ahead. */
    void fill(long campaignId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow(() -> Refusal.notFound("campaign", campaignId));
        CampaignRules rules = rules(campaign);
        List<Piece> tagged = pieces.list(new Pieces.Filter(campaign.unitCode(), null, PieceStatus.APPROVED, null,
                rules.tag(), null), Pageable.from(0, MAX_CANDIDATES, Sort.of(Sort.Order.asc("id")))).getContent();
        if (tagged.isEmpty()) {
            return;
        }
        // pieces used or refused per channel in this fill; the lock taken for each slot checks the used ones again
        Map<String, Set<Long>> skip = new HashMap<>();
        for (CampaignSlot slot : slots.findByCampaignIdOrderByPlannedAt(campaignId)) {
            Optional<Channel> channel = channels.find(slot.channelId());
            if (channel.isEmpty() || channels.fileRemoved(channel.get()) || !fillable(slot)) {
                continue;
            }
            Set<Long> skipped = skip.computeIfAbsent(slot.channelId(),
                    id -> new HashSet<>(slots.piecesUsed(campaignId, id)));
            for (Piece piece : tagged) {
                if (!fits(piece, channel.get().type()) || skipped.contains(piece.id())) {
                    continue;
                }
                skipped.add(piece.id());
                if (fillWith(slot, piece)) {
                    break;
                }
            }
        }
    }

    /** Plans the slots of every channel of the campaign's unit from its cadence; portal channels first. */
    private List<CampaignSlot> plan(Campaign campaign, CampaignRules rules, ZoneId zone) {
        CampaignWindow window = campaign.window();
        SlotPlan plan = new SlotPlan(window, zone, config.publishTime(), clock.instant());
        List<CampaignSlot> planned = new ArrayList<>();
        for (Channel channel : channels.list()) {
            if (!channel.unitCode().equals(campaign.unitCode()) || channels.fileRemoved(channel)) {
                continue;
            }
            Cadence cadence = rules.cadenceOf(channel.type());
            if (cadence == Cadence.NONE) {
                continue;
            }
            Optional<List<Instant>> sessions = adapters.forChannel(channel)
                    .flatMap(adapter -> adapter.sessionStarts(channel, window.opensAt(zone), window.closesAt(zone), zone));
            for (Instant at : plan.slots(cadence, sessions)) {
                planned.add(new CampaignSlot(null, campaign.id(), channel.id(), at, null));
            }
        }
        planned.sort(Comparator.comparing(CampaignSlot::plannedAt));
        return planned;
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
    private boolean fillWith(CampaignSlot slot, Piece piece) {
        try {
            return transactions.executeWrite(status -> {
                campaigns.lock(slot.campaignId());
                CampaignSlot current = slots.findById(slot.id()).orElseThrow();
                if (!fillable(current)) {
                    return true;
                }
                if (slots.piecesUsed(slot.campaignId(), slot.channelId()).contains(piece.id())) {
                    return false;
                }
                Publication publication = publishing.schedule(piece.id(), List.of(slot.channelId()), slot.plannedAt(),
                        ACTOR).get(0);
                slots.markUsed(slot.campaignId(), slot.channelId(), piece.id());
                slots.update(current.filledBy(publication.id()));
                return true;
            });
        } catch (Refusal refusal) {
            LOG.warn("Campaign {}: piece {} not scheduled on {} at {}: {}", slot.campaignId(), piece.id(),
                    slot.channelId(), slot.plannedAt(), refusal.getMessage());
            return false;
        }
    }

    /** Radio scripts are written for the ear and go to the loudspeakers; articles and infographics to the rest. */
    static boolean fits(Piece piece, ChannelType type) {
        return (piece.kind() == PieceKind.RADIO_SCRIPT) == (type == ChannelType.LOUDSPEAKER);
    }

    CampaignRules rules(Campaign campaign) {
        try {
            return json.readValue(campaign.rules(), CampaignRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("campaign " + campaign.id() + " has unreadable rules", e);
        }
    }

    private String write(CampaignRules rules) {
        try {
            return json.writeValueAsString(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
