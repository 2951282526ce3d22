package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import vn.herald.unit.Access;
import vn.herald.unit.Reach;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Refusal;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.channel.PortalAddress;
import vn.herald.content.Piece;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The iCalendar feeds: one for each unit (every channel) and one for each channel, made the first time an admin
 * lists or regenerates them. A feed is read by whoever holds its URL; regenerating the token retires the old URL.
 */
@Singleton
public class IcalFeeds {

    /**
     * A feed as an admin sees it. {@code url} is missing only when this instance cannot open the sealed token (it was
     * sealed under another key); {@code urlMissing} then says what to do.
     */
    @Serdeable
    public record Listed(IcalScope scope, String subject, String unitCode, String name, @Nullable String url,
                         @Nullable String urlMissing, Instant createdAt, Instant issuedAt) {}

    private static final Logger LOG = LoggerFactory.getLogger(IcalFeeds.class);

    private final IcalFeedRepository feeds;
    private final IcalTokens tokens;
    private final IcalCalendar calendar;
    private final IcalConfig config;
    private final Publishing publishing;
    private final Pieces pieces;
    private final Channels channels;
    private final Units units;
    private final PortalAddress address;
    private final Clock clock;
    private final Access access;

    IcalFeeds(IcalFeedRepository feeds, IcalTokens tokens, IcalCalendar calendar, IcalConfig config,
              Publishing publishing, Pieces pieces, Channels channels, Units units, PortalAddress address, Access access, Clock clock) {
        this.access = access;
        this.feeds = feeds;
        this.tokens = tokens;
        this.calendar = calendar;
        this.config = config;
        this.publishing = publishing;
        this.pieces = pieces;
        this.channels = channels;
        this.units = units;
        this.address = address;
        this.clock = clock;
    }

    /** The feed of every unit the caller reaches, then of each of their channels, each made now if it does not exist yet. */
    public List<Listed> list() {
        Reach reach = access.reach();
        List<Listed> listed = new ArrayList<>();
        for (Unit unit : units.list().stream().filter(unit -> reach.canRead(unit.code())).toList()) {
            listed.add(listed(ensure(IcalScope.UNIT, unit.code()), unit, null));
        }
        for (Channel channel : channels.visible()) {
            listed.add(listed(ensure(IcalScope.CHANNEL, channel.id()), units.get(channel.unitCode()), channel));
        }
        listed.sort(Comparator.comparing(Listed::scope).thenComparing(Listed::subject));
        return listed;
    }

    /** A new token for the feed; the old URL answers 404 from now on. */
    public Listed regenerate(IcalScope scope, String subject, String actor) {
        Subject of = subject(scope, subject);
        access.act(of.unit().code(), scope == IcalScope.UNIT ? Refusal.Noun.UNIT : Refusal.Noun.CHANNEL, subject);
        IcalFeed feed = ensure(scope, subject);
        String token = tokens.newToken();
        Instant now = clock.instant();
        IcalFeed renewed = feeds.update(feed.withToken(IcalTokens.hash(token), tokens.seal(token, context(scope, subject)), now));
        LOG.info("iCalendar feed {} {} got a new address from {}; the old one no longer answers", scope, subject, actor);
        return listed(renewed, of.unit(), of.channel());
    }

    /** The feed's iCalendar text, or empty when no feed has this token. */
    public Optional<String> read(String token) {
        if (!IcalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = IcalTokens.hash(token);
        Optional<IcalFeed> found = feeds.findByTokenHash(hash).filter(feed -> IcalTokens.sameHash(feed.tokenHash(), hash));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IcalFeed feed = found.get();
        Subject of;
        try {
            of = subject(feed.scope(), feed.subject());
        } catch (Refusal gone) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<Publication> publications = feed.scope() == IcalScope.UNIT
                ? publishing.planned(of.unit().code(), null, now.minus(config.past()), now.plus(config.ahead()))
                : publishing.planned(null, of.channel().id(), now.minus(config.past()), now.plus(config.ahead()));
        Map<Long, Piece> pieceCache = new HashMap<>();
        Map<String, Channel> channelCache = new HashMap<>();
        // the token, not a login, opens the feed: it reads its own unit's pieces and nothing else
        return Optional.of(access.readingAs(of.unit().code(), "ical-feed", () -> calendar.write(heading(of.unit(), of.channel()),
                units.ownUnitCode() + ".herald", publications, id -> pieceCache.computeIfAbsent(id, pieces::get),
                id -> channelCache.computeIfAbsent(id, channels::get))));
    }

    private IcalCalendar.Heading heading(Unit unit, @Nullable Channel channel) {
        String name = "Lịch đăng bài – " + unit.name() + (channel == null ? "" : " – " + channel.name());
        String what = channel == null ? "Các bài đăng của " + unit.name() + " trên mọi kênh"
                : "Các bài đăng của " + unit.name() + " trên kênh " + channel.name();
        String description = what + ", từ " + config.past().toDays() + " ngày trước đến " + config.ahead().toDays()
                + " ngày tới (giờ theo múi " + unit.zone() + ").";
        return new IcalCalendar.Heading(name, description, unit.zoneId());
    }

    private Listed listed(IcalFeed feed, Unit unit, @Nullable Channel channel) {
        Optional<String> token = tokens.open(feed.tokenSealed(), context(feed.scope(), feed.subject()));
        return new Listed(feed.scope(), feed.subject(), unit.code(), heading(unit, channel).name(),
                token.map(t -> address.base() + "/ical/" + t + ".ics").orElse(null),
                token.isPresent() ? null : "this instance cannot open the token (it was sealed under another key): give "
                        + "every instance the same HERALD_ICAL_KEY, or regenerate the feed to get a new address",
                feed.createdAt(), feed.issuedAt());
    }

    /** The feed of the subject, made with a fresh token if it has none; two instances making it at once agree on one. */
    private IcalFeed ensure(IcalScope scope, String subject) {
        Optional<IcalFeed> existing = feeds.findByScopeAndSubject(scope, subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = tokens.newToken();
        Instant now = clock.instant();
        try {
            return feeds.save(new IcalFeed(null, scope, subject, IcalTokens.hash(token),
                    tokens.seal(token, context(scope, subject)), now, now));
        } catch (DataAccessException raced) {
            return feeds.findByScopeAndSubject(scope, subject).orElseThrow(() -> raced);
        }
    }

    private record Subject(Unit unit, @Nullable Channel channel) {}

    private Subject subject(IcalScope scope, String subject) {
        if (scope == IcalScope.UNIT) {
            return new Subject(units.get(subject), null);
        }
        Channel channel = channels.get(subject);
        return new Subject(units.get(channel.unitCode()), channel);
    }

    /** The associated data of a sealed token: a sealed value copied to another feed's row does not open. */
    private static String context(IcalScope scope, String subject) {
        return "ical-feed:" + scope + ":" + subject;
    }
}
