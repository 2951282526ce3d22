package vn.herald.channel.loudspeaker;

import vn.herald.channel.Priority;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.Channel;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.Metric;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.PreviewSound;
import vn.herald.channel.SendResult;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.ContentConfig;
import vn.herald.content.Piece;
import vn.herald.content.Pieces;
import vn.herald.content.ReadTime;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The commune's loudspeaker system. A publication lands in the next session starting at or after its planned time
 * and expires at that session's end. Sending it rebuilds the whole session's programme from the session's
 * publications that are due, under the session's lock, and delivers it to every station (a folder or a broadcast
 * server); an emergency item goes out at once, on its own, outside the sessions.
 */
@Singleton
public class LoudspeakerAdapter implements ChannelAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(LoudspeakerAdapter.class);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");
    private static final int MOVED_AWAY_RETRIES = 3;

    private final SessionBook book;
    private final Programmes programmes;
    private final FileDrop fileDrop;
    private final HttpPush httpPush;
    private final Pieces pieces;
    private final Assets assets;
    private final ContentConfig content;
    private final Units units;
    private final AudioMaker audio;
    private final JsonMapper json;
    private final Clock clock;

    LoudspeakerAdapter(SessionBook book, Programmes programmes, FileDrop fileDrop, HttpPush httpPush, Pieces pieces,
                       Assets assets, ContentConfig content, Units units, AudioMaker audio, JsonMapper json, Clock clock) {
        this.book = book;
        this.programmes = programmes;
        this.fileDrop = fileDrop;
        this.httpPush = httpPush;
        this.pieces = pieces;
        this.assets = assets;
        this.content = content;
        this.units = units;
        this.audio = audio;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public ChannelType type() {
        return ChannelType.LOUDSPEAKER;
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return ChannelRequirement.takesNoVideo(piece, channel);
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        String text = pieces.plainText(piece).strip();
        int readSeconds = piece.readSeconds() != null ? piece.readSeconds()
                : (int) ReadTime.estimate(text, content.syllablesPerMinute()).toSeconds();
        String audio = piece.audioAssetId() == null ? null : assets.find(piece.audioAssetId()).map(Asset::sha256).orElse(null);
        try {
            return new Payload(json.writeValueAsString(new ScriptPayload(piece.id(), piece.title(), text, audio, readSeconds)),
                    piece.title());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        ScriptPayload script = script(payload);
        boolean audible = script.audioSha256() != null
                || settings(channel).speech().engine() != LoudspeakerSettings.SpeechEngineKind.NONE;
        return new ChannelPreview(script.title(), script.text(), null, null, null, null,
                Duration.ofSeconds(script.readSeconds()), audible, payload.warnings());
    }

    /** What the loudspeakers would play: the recording, else the speech the channel's engine makes (cached). */
    @Override
    public Optional<PreviewSound> sound(Payload payload, Channel channel) {
        Sound sound = audio.soundOf(script(payload), settings(channel).speech());
        return sound instanceof Sound.Audio played
                ? Optional.of(new PreviewSound(played.file(), played.mediaType(), played.duration()))
                : Optional.empty();
    }

    private ScriptPayload script(Payload payload) {
        try {
            return json.readValue(payload.body(), ScriptPayload.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Instant> deadline(Instant plannedAt, Channel channel, ZoneId zone) {
        return Optional.of(calendar(channel, settings(channel), zone).landing(plannedAt).end());
    }

    @Override
    public Optional<List<Instant>> sessionStarts(Channel channel, Instant from, Instant to, ZoneId zone) {
        return Optional.of(calendar(channel, settings(channel), zone).between(from, to).stream().map(Session::start).toList());
    }

    /** The settings of a loudspeaker channel, checked when its file was imported. */
    public LoudspeakerSettings settings(Channel channel) {
        return ChannelSettings.bind(channel, json, (id, raw) -> LoudspeakerSettings.parse(plain(raw), key -> 0));
    }

    private static Map<String, Object> plain(Map<?, ?> raw) {
        Map<String, Object> plain = new LinkedHashMap<>();
        raw.forEach((key, value) -> plain.put(String.valueOf(key), value));
        return plain;
    }

    public SessionCalendar calendar(Channel channel, LoudspeakerSettings settings) {
        return calendar(channel, settings, units.zoneOf(channel.unitCode()));
    }

    private static SessionCalendar calendar(Channel channel, LoudspeakerSettings settings, ZoneId zone) {
        return new SessionCalendar(settings.sessions(), zone);
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        Channel channel = delivery.channel();
        LoudspeakerSettings settings = settings(channel);
        Programme programme = plan(channel, settings, book.entry(delivery.publicationId()));
        if (settings.delivery() == LoudspeakerSettings.DeliveryMode.HTTP_PUSH) {
            return httpPush.preview(settings, programme);
        }
        List<OutgoingRequest> writes = new ArrayList<>();
        for (LoudspeakerSettings.Station station : settings.stations()) {
            ProgrammeFiles files = ProgrammeFiles.of(programme, station, clock.instant(), json);
            String playlist = files.files().stream().filter(f -> f.name().equals(ProgrammeFiles.PLAYLIST)).findFirst()
                    .map(f -> new String(f.bytes(), StandardCharsets.UTF_8)).orElse("");
            // the session's folder under the channel's drop folder: no path of the server reaches the page
            writes.add(new OutgoingRequest("WRITE", station.code() + "/" + programme.id(), Map.of(), playlist));
        }
        return writes;
    }

    /** The programme a send would deliver now, with nothing moved or recorded. */
    private Programme plan(Channel channel, LoudspeakerSettings settings, SessionBook.Entry entry) {
        if (entry.priority() == Priority.EMERGENCY) {
            return programmes.emergency(channel, settings, entry, clock.instant());
        }
        Session session = calendar(channel, settings).landing(entry.plannedAt());
        return programmes.session(channel, settings, session, members(channel, settings, session, entry));
    }

    @Override
    public SendResult send(Delivery delivery) {
        Channel channel = delivery.channel();
        LoudspeakerSettings settings = settings(channel);
        SessionCalendar calendar = calendar(channel, settings);
        for (int tries = 0; tries < MOVED_AWAY_RETRIES; tries++) {
            SessionBook.Entry entry = book.entry(delivery.publicationId());
            if (entry.priority() == Priority.EMERGENCY) {
                Programme programme = programmes.emergency(channel, settings, entry, clock.instant());
                warnReadLive(programme);
                return deliver(settings, programme);
            }
            Session session = calendar.landing(entry.plannedAt());
            Optional<SendResult> result = book.underLock(channel.id(), session.start(),
                    () -> sendUnderLock(channel, settings, session, delivery.publicationId()));
            if (result.isPresent()) {
                return result.get();
            }
            // a build of the same session moved this item to a later session while it waited for the lock
        }
        return new SendResult.RetryLater(Optional.empty(), "phiên của mục này vừa thay đổi; sẽ dựng lại chương trình");
    }

    private Optional<SendResult> sendUnderLock(Channel channel, LoudspeakerSettings settings, Session session, long id) {
        SessionBook.Entry self = book.entry(id);
        SessionCalendar calendar = calendar(channel, settings);
        if (!calendar.landing(self.plannedAt()).equals(session)) {
            return Optional.empty();
        }
        Programme programme = programmes.session(channel, settings, session, members(channel, settings, session, self));
        boolean selfOverflows = false;
        for (Programme.Item item : programme.overflow()) {
            String full = "Phiên " + SHOWN.format(session.localStart()) + " (" + session.length().toMinutes()
                    + " phút) không còn đủ thời lượng cho mục này (" + describe(item.sound().duration()) + ")";
            if (settings.overflow() == LoudspeakerSettings.Overflow.NEXT_SESSION) {
                Session next = calendar.next(session);
                book.moveTo(item.publicationId(), session.end(), full + ": đã chuyển sang phiên "
                        + SHOWN.format(next.localStart()) + ".");
            } else {
                book.warn(item.publicationId(), full + ": mục này sẽ hết hạn khi phiên kết thúc.");
            }
            selfOverflows |= item.publicationId() == id;
        }
        warnReadLive(programme);
        SendResult delivered = deliver(settings, programme);
        if (!(delivered instanceof SendResult.Sent) || !selfOverflows) {
            return Optional.of(delivered);
        }
        // the others' programme went out; this item waits for the session it was moved to, or for its deadline
        Instant now = clock.instant();
        Duration wait = Duration.between(now, session.end()).plusSeconds(1);
        return Optional.of(new SendResult.RetryLater(Optional.of(wait.isNegative() ? Duration.ofSeconds(1) : wait),
                settings.overflow() == LoudspeakerSettings.Overflow.NEXT_SESSION
                        ? "phiên " + session.id() + " đã đủ: chuyển sang phiên sau"
                        : "phiên " + session.id() + " đã đủ: mục này hết hạn khi phiên kết thúc"));
    }

    /**
     * The items of a session's programme: its publications that are due (an item joins at its planned time, so one
     * planned later can still be cancelled before any station sees it), and the one being sent; never emergencies.
     */
    private List<SessionBook.Entry> members(Channel channel, LoudspeakerSettings settings, Session session,
                                            SessionBook.Entry self) {
        Session previous = calendar(channel, settings).previous(session);
        Instant now = clock.instant();
        List<SessionBook.Entry> members = new ArrayList<>();
        for (SessionBook.Entry entry : book.planned(channel.id(), previous.start(), session.start())) {
            if (entry.priority() != Priority.EMERGENCY && entry.publicationId() != self.publicationId()
                    && !entry.plannedAt().isAfter(now)) {
                members.add(entry);
            }
        }
        members.add(self);
        return members;
    }

    private void warnReadLive(Programme programme) {
        for (Programme.Item item : programme.items()) {
            if (item.sound() instanceof Sound.ReadLive live) {
                book.warn(item.publicationId(), "Không tạo được âm thanh (" + live.reason()
                        + "): mục này được đánh dấu đọc trực tiếp, khoảng " + describe(live.duration()) + ".");
            }
        }
    }

    private SendResult deliver(LoudspeakerSettings settings, Programme programme) {
        if (settings.delivery() == LoudspeakerSettings.DeliveryMode.HTTP_PUSH) {
            return httpPush.deliver(settings, programme);
        }
        try {
            fileDrop.deliver(settings, programme);
            // a programme in a folder has no address a person could open: the session's id says where it went
            return new SendResult.Sent(programme.id(), null);
        } catch (IOException e) {
            LOG.warn("Programme {} of {} could not be written: {}", programme.id(), programme.channelId(), e.toString());
            // a half-written build is never switched to, so writing it again is safe
            return new SendResult.RetryLater(Optional.empty(), "không ghi được chương trình vào thư mục: " + describe(e));
        }
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        Channel channel = delivery.channel();
        LoudspeakerSettings settings = settings(channel);
        if (settings.delivery() == LoudspeakerSettings.DeliveryMode.HTTP_PUSH) {
            // the server's address names the session, so sending again replaces whatever may have arrived
            return Optional.empty();
        }
        SessionBook.Entry entry = book.entry(delivery.publicationId());
        String session = entry.priority() == Priority.EMERGENCY ? "emergency-" + entry.publicationId()
                : calendar(channel, settings).landing(entry.plannedAt()).id();
        return fileDrop.carries(settings, session, entry.publicationId())
                ? Optional.of(new SendResult.Sent(session, null)) : Optional.empty();
    }

    /**
     * The households each item covered: the sum over the stations that play it. By file drop, the stations whose
     * programme of the item's session holds it (a station's folder rebuilt without it no longer counts); by HTTP push,
     * every station, since a push is sent only when each station's server took the session.
     */
    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        LoudspeakerSettings settings = settings(channel);
        Map<Long, Map<Metric, Long>> covered = new HashMap<>();
        for (PublishedPost post : posts) {
            List<LoudspeakerSettings.Station> playing = settings.delivery() == LoudspeakerSettings.DeliveryMode.FILE_DROP
                    ? fileDrop.stationsCarrying(settings, post.externalId(), post.publicationId()) : settings.stations();
            long households = playing.stream().mapToLong(LoudspeakerSettings.Station::households).sum();
            covered.put(post.publicationId(), Map.of(Metric.HOUSEHOLDS_COVERED, households));
        }
        return new EngagementReading.Figures(Map.of(), covered);
    }

    /** Read from Herald's own folders: many items a call. */
    @Override
    public int postsPerEngagementCall() {
        return 500;
    }

    /** Nothing leaves Herald, so no platform's budget applies: a call a second. */
    @Override
    public int engagementCallsPerHour(Channel channel) {
        return 3600;
    }

    /** The file and the system's reason: an AccessDeniedException's message is the bare path. */
    static String describe(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": không có quyền ghi (permission denied)";
        }
        if (e instanceof FileSystemException failed && failed.getReason() != null) {
            return (failed.getFile() == null ? "" : failed.getFile() + ": ") + failed.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    static String describe(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return seconds < 60 ? seconds + " giây" : seconds / 60 + " phút " + seconds % 60 + " giây";
    }
}
