package vn.herald.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.calendar.IcalTokens;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.Payload;
import vn.herald.channel.PortalAddress;
import vn.herald.channel.Priority;
import vn.herald.channel.screen.ScreenAdapter;
import vn.herald.channel.screen.ScreenSettings;
import vn.herald.channel.screen.Slide;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What each screen channel shows now, read by the secret token of its kiosk address: the live publications on the
 * channel within its show days, an emergency on top until its end, whether the hall is open, the ticker's headlines.
 * A dry run never reaches the loop: only publications that went out live are shown.
 */
@Singleton
public class ScreenLoops {

    /** A screen's addresses as an admin sees them; {@code url} is missing when this instance cannot open the token. */
    @Serdeable
    public record Listed(String channelId, String unitCode, String name, @Nullable String url,
                         @Nullable String manifestUrl, Instant issuedAt) {}

    /** The loop as the kiosk page and other players read it; documented in docs/channels/screen.md. */
    @Serdeable
    public record Manifest(String channel, String unit, boolean open, @Nullable OffsetDateTime nextChange,
                           int pollSeconds, List<Shown> emergency, List<Shown> slides, List<String> ticker) {}

    /**
     * A slide in the loop, with its files' addresses beside the manifest (a picture, or a video's poster; a video and
     * its WebVTT captions) and the end of its time on the screen; a video's {@code seconds} is its own length.
     */
    @Serdeable
    public record Shown(long publicationId, long pieceId, Slide.Kind kind, Priority priority, String title,
                        @Nullable String text, @Nullable String image, @Nullable String imageAlt, int seconds,
                        OffsetDateTime until, @Nullable String video, @Nullable String captions) {

        boolean names(String file) {
            return file.equals(image) || file.equals(video) || file.equals(captions);
        }
    }

    /** Where a slide's files are, beside the manifest's address. */
    private static final String FILES = "files/";

    private final ScreenFeedRepository feeds;
    private final IcalTokens tokens;
    private final ScreenAdapter adapter;
    private final Publishing publishing;
    private final Channels channels;
    private final Units units;
    private final Assets assets;
    private final PortalAddress address;
    private final Clock clock;

    ScreenLoops(ScreenFeedRepository feeds, IcalTokens tokens, ScreenAdapter adapter, Publishing publishing,
                Channels channels, Units units, Assets assets, PortalAddress address, Clock clock) {
        this.feeds = feeds;
        this.tokens = tokens;
        this.adapter = adapter;
        this.publishing = publishing;
        this.channels = channels;
        this.units = units;
        this.assets = assets;
        this.address = address;
        this.clock = clock;
    }

    /** The kiosk address of every screen channel the caller reaches, each made now if it has none yet. */
    public List<Listed> addresses() {
        List<Listed> listed = new ArrayList<>();
        for (Channel channel : channels.visible()) {
            if (channel.type() == ChannelType.SCREEN) {
                ScreenFeed feed = ensure(channel.id());
                Optional<String> token = tokens.open(feed.tokenSealed(), context(channel.id()));
                listed.add(new Listed(channel.id(), channel.unitCode(), channel.name(),
                        token.map(t -> address.base() + "/screen/" + t).orElse(null),
                        token.map(t -> address.base() + "/screen/" + t + "/manifest.json").orElse(null), feed.issuedAt()));
            }
        }
        return listed;
    }

    /** The screen channel this token opens, or empty for an unknown token or a channel no longer a screen. */
    public Optional<Channel> channelOf(String token) {
        if (!IcalTokens.wellFormed(token)) {
            return Optional.empty();
        }
        String hash = IcalTokens.hash(token);
        return feeds.findByTokenHash(hash).filter(feed -> IcalTokens.sameHash(feed.tokenHash(), hash))
                .flatMap(feed -> channels.find(feed.channelId())).filter(channel -> channel.type() == ChannelType.SCREEN);
    }

    /** What the screen shows now; picture addresses are relative to the manifest's own. */
    public Manifest manifest(Channel channel) {
        ScreenSettings settings = adapter.settings(channel);
        Unit unit = units.get(channel.unitCode());
        ZoneId zone = unit.zoneId();
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(zone);
        Instant oldest = now.minus(Duration.ofDays(settings.showDays()));
        List<Shown> emergency = new ArrayList<>();
        List<Shown> slides = new ArrayList<>();
        // planned(to) is exclusive: a publication planned this very instant is in
        for (Publication publication : publishing.planned(null, channel.id(), oldest, now.plusNanos(1000))) {
            if (publication.status() != PublicationStatus.PUBLISHED || publication.externalId() == null) {
                continue;
            }
            boolean urgent = publication.priority() == Priority.EMERGENCY;
            Instant until = publication.plannedAt().plus(urgent ? Duration.ofMinutes(settings.emergencyMinutes())
                    : Duration.ofDays(settings.showDays()));
            if (until.isAfter(now)) {
                (urgent ? emergency : slides).add(shown(publication, until, zone));
            }
        }
        // the latest emergency first; the loop plays priority items first, then in the order they were planned
        emergency.sort(Comparator.comparing(Shown::until).reversed());
        slides.sort(Comparator.comparing(Shown::priority));
        List<String> ticker = new ArrayList<>();
        for (int i = slides.size() - 1; i >= 0 && ticker.size() < settings.tickerSize(); i--) {
            ticker.add(slides.get(i).title());
        }
        return new Manifest(channel.name(), unit.name(), settings.openAt(local),
                settings.nextChange(local).map(ZonedDateTime::toOffsetDateTime).orElse(null), settings.pollSeconds(),
                List.copyOf(emergency), List.copyOf(slides), List.copyOf(ticker));
    }

    /** A file (picture, video, captions) of a slide the screen shows now; nothing else is served by its token. */
    public Optional<Asset> file(Channel channel, String sha256) {
        Manifest manifest = manifest(channel);
        String file = FILES + sha256;
        boolean shown = manifest.emergency().stream().anyMatch(s -> s.names(file))
                || manifest.slides().stream().anyMatch(s -> s.names(file));
        return shown ? assets.findBySha256(sha256) : Optional.empty();
    }

    private Shown shown(Publication publication, Instant until, ZoneId zone) {
        Slide slide = adapter.slide(new Payload(publication.payload(), publication.payloadSummary()));
        return new Shown(publication.id(), publication.pieceId(), slide.kind(), publication.priority(), slide.title(),
                slide.text(), relative(slide.imageSha256()), slide.imageAlt(), slide.seconds(),
                until.atZone(zone).toOffsetDateTime(), relative(slide.videoSha256()), relative(slide.captionsSha256()));
    }

    private static String relative(String sha256) {
        return sha256 == null ? null : FILES + sha256;
    }

    /** The screen's feed, made with a fresh token if it has none; two instances making it at once agree on one. */
    private ScreenFeed ensure(String channelId) {
        Optional<ScreenFeed> existing = feeds.findById(channelId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String token = tokens.newToken();
        try {
            return feeds.save(new ScreenFeed(channelId, IcalTokens.hash(token), tokens.seal(token, context(channelId)),
                    clock.instant()));
        } catch (DataAccessException raced) {
            return feeds.findById(channelId).orElseThrow(() -> raced);
        }
    }

    /** The associated data of a sealed token: a sealed value copied to another screen's row does not open. */
    private static String context(String channelId) {
        return "screen:" + channelId;
    }
}
