package vn.herald.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.channel.loudspeaker.LoudspeakerAdapter;
import vn.herald.channel.loudspeaker.LoudspeakerSettings;
import vn.herald.channel.Priority;
import vn.herald.channel.loudspeaker.Programme;
import vn.herald.channel.loudspeaker.Programmes;
import vn.herald.channel.loudspeaker.Session;
import vn.herald.channel.loudspeaker.SessionBook;
import vn.herald.channel.loudspeaker.SessionCalendar;
import vn.herald.channel.loudspeaker.Sound;
import vn.herald.unit.Units;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The loudspeaker sessions planned in a period, per channel, with the playlist each would have now: the items that
 * fit in playing order with their durations (measured audio, or the estimated time of reading live), and those that
 * would move to a later session.
 */
@Singleton
public class SessionPlanner {

    @Serdeable
    public record SessionView(String channelId, String channelName, String session, OffsetDateTime start,
                              OffsetDateTime end, long lengthSeconds, double totalSeconds, double freeSeconds,
                              @Nullable Instant builtAt, List<ItemView> items, List<ItemView> overflow) {}

    /** {@code mode} is {@code audio} or {@code read-live} ("đọc trực tiếp"); {@code source} where the audio comes from. */
    @Serdeable
    public record ItemView(long publicationId, long pieceId, String title, Priority priority, OffsetDateTime plannedAt,
                           double durationSeconds, String mode, @Nullable String source, @Nullable String note) {}

    private final Channels channels;
    private final LoudspeakerAdapter adapter;
    private final Programmes programmes;
    private final LoudspeakerSessions sessions;
    private final Units units;

    SessionPlanner(Channels channels, LoudspeakerAdapter adapter, Programmes programmes, LoudspeakerSessions sessions,
                   Units units) {
        this.channels = channels;
        this.adapter = adapter;
        this.programmes = programmes;
        this.sessions = sessions;
        this.units = units;
    }

    /** Every session starting in [from, to) on every loudspeaker channel the caller reaches, by channel then start. */
    public List<SessionView> between(Instant from, Instant to) {
        List<SessionView> views = new ArrayList<>();
        for (Channel channel : channels.visible()) {
            if (channel.type() != ChannelType.LOUDSPEAKER) {
                continue;
            }
            LoudspeakerSettings settings = adapter.settings(channel);
            SessionCalendar calendar = adapter.calendar(channel, settings);
            ZoneId zone = units.zoneOf(channel.unitCode());
            for (Session session : calendar.between(from, to)) {
                List<SessionBook.Entry> entries = sessions.planned(channel.id(), calendar.previous(session).start(),
                        session.start()).stream().filter(entry -> entry.priority() != Priority.EMERGENCY).toList();
                Programme programme = programmes.session(channel, settings, session, entries);
                views.add(new SessionView(channel.id(), channel.name(), session.id(), session.start().atZone(zone).toOffsetDateTime(),
                        session.end().atZone(zone).toOffsetDateTime(), session.length().toSeconds(),
                        seconds(programme.total()), seconds(programme.free()),
                        sessions.builtAt(channel.id(), session.start()).orElse(null),
                        programme.items().stream().map(item -> view(item, zone)).toList(),
                        programme.overflow().stream().map(item -> view(item, zone)).toList()));
            }
        }
        return views;
    }

    private static ItemView view(Programme.Item item, ZoneId zone) {
        OffsetDateTime planned = item.plannedAt().atZone(zone).toOffsetDateTime();
        if (item.sound() instanceof Sound.Audio audio) {
            return new ItemView(item.publicationId(), item.pieceId(), item.title(), item.priority(), planned,
                    seconds(audio.duration()), "audio", audio.source(), null);
        }
        Sound.ReadLive live = (Sound.ReadLive) item.sound();
        return new ItemView(item.publicationId(), item.pieceId(), item.title(), item.priority(), planned,
                seconds(live.duration()), "read-live", null, "đọc trực tiếp: " + live.reason());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
