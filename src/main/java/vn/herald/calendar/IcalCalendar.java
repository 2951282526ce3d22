package vn.herald.calendar;

import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.PortalAddress;
import vn.herald.content.CleanText;
import vn.herald.content.Piece;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * Writes publications as an iCalendar file with ical4j: one event per publication, its start in UTC, its state as
 * STATUS and in words, its channel, and a link back to the piece. The calendar carries the unit's zone and name.
 */
@Singleton
class IcalCalendar {

    /** What the calendar app shows as the calendar's own name and description, and the zone it displays in. */
    record Heading(String name, String description, ZoneId zone) {}

    private static final Duration REFRESH = Duration.ofHours(1);

    private final IcalConfig config;
    private final PortalAddress address;

    IcalCalendar(IcalConfig config, PortalAddress address) {
        this.config = config;
        this.address = address;
    }

    /**
     * The file's text. {@code uidDomain} makes event ids unique beyond this server; {@code pieceOf} and
     * {@code channelOf} look up what the publication row only names.
     */
    String write(Heading heading, String uidDomain, List<Publication> publications, Function<Long, Piece> pieceOf,
                 Function<String, Channel> channelOf) {
        Calendar calendar = new Calendar()
                .withProdId("-//Herald//Lich dang bai//VI")
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProperty(ImmutableCalScale.GREGORIAN)
                // no METHOD: a subscribed feed is not an iTIP message, whose PUBLISH would require an ORGANIZER
                .withProperty(new Name(heading.name()))
                .withProperty(new XProperty("X-WR-CALNAME", heading.name()))
                .withProperty(new XProperty("X-WR-CALDESC", heading.description()))
                .withProperty(new XProperty("X-WR-TIMEZONE", heading.zone().getId()))
                // calendar apps that honour these poll hourly instead of their own (often daily) default
                .withProperty(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH))
                .withProperty(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()))
                .getFluentTarget();
        for (Publication publication : publications) {
            calendar.add(event(publication, uidDomain, pieceOf.apply(publication.pieceId()),
                    channelOf.apply(publication.channelId())));
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(true).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("the iCalendar feed '" + heading.name() + "' is not valid: " + e.getMessage(), e);
        }
        return text.toString();
    }

    private VEvent event(Publication publication, String uidDomain, Piece piece, Channel channel) {
        String state = words(publication.status());
        // stored text may predate the entry rule: a control character would make calendar apps drop the feed
        String title = CleanText.line(piece.title());
        String channelName = CleanText.line(channel.name());
        VEvent event = new VEvent(publication.plannedAt(), length(piece, channel),
                "[" + state + "] " + title + " · " + channelName);
        // DTSTAMP is the last change of the event's information (RFC 5545 3.8.7.2 without METHOD:REQUEST), not the
        // time of the download: an unchanged feed stays byte for byte the same and its ETag holds
        event.replace(new DtStamp(publication.updatedAt()));
        String pieceUrl = address.base() + "/api/pieces/" + piece.id();
        StringJoiner description = new StringJoiner("\n")
                .add("Trạng thái: " + state)
                .add("Kênh: " + channelName + " (" + kind(channel.type()) + ")")
                .add("Bài: " + title)
                .add("Xem bài: " + pieceUrl);
        if (publication.externalUrl() != null) {
            description.add("Đã đăng tại: " + publication.externalUrl());
        }
        if (publication.warning() != null) {
            description.add("Lưu ý: " + CleanText.text(publication.warning()));
        }
        List.of(new Uid("publication-" + publication.id() + "@" + uidDomain),
                        status(publication.status()),
                        new LastModified(publication.updatedAt()),
                        new Categories(new TextList(kind(channel.type()))),
                        new Description(description.toString()),
                        new Url(URI.create(pieceUrl)),
                        new XProperty("X-HERALD-CHANNEL", channel.id()),
                        new XProperty("X-HERALD-STATUS", publication.status().name()))
                .forEach(event::add);
        return event;
    }

    /** A loudspeaker item lasts its read time; anything else a nominal slot so it shows on the day. */
    private Duration length(Piece piece, Channel channel) {
        if (channel.type() == ChannelType.LOUDSPEAKER && piece.readSeconds() != null && piece.readSeconds() > 0) {
            return Duration.ofSeconds(piece.readSeconds());
        }
        return config.eventLength();
    }

    /** Out and done is confirmed; cancelled or past its deadline is cancelled; anything still on its way is tentative. */
    static Status status(PublicationStatus status) {
        return switch (status) {
            case PUBLISHED -> ImmutableStatus.VEVENT_CONFIRMED;
            case CANCELLED, EXPIRED -> ImmutableStatus.VEVENT_CANCELLED;
            case SCHEDULED, SENDING, RETRY_WAIT, NEEDS_ATTENTION, UNKNOWN -> ImmutableStatus.VEVENT_TENTATIVE;
        };
    }

    static String words(PublicationStatus status) {
        return switch (status) {
            case SCHEDULED -> "Đã lên lịch";
            case SENDING -> "Đang gửi";
            case PUBLISHED -> "Đã đăng";
            case RETRY_WAIT -> "Chờ gửi lại";
            case NEEDS_ATTENTION -> "Cần xử lý";
            case UNKNOWN -> "Chưa rõ kết quả";
            case EXPIRED -> "Quá hạn, không gửi";
            case CANCELLED -> "Đã hủy";
        };
    }

    static String kind(ChannelType type) {
        return switch (type) {
            case EPORTAL -> "Cổng thông tin điện tử";
            case FACEBOOK_PAGE -> "Facebook";
            case ZALO_OA -> "Zalo OA";
            case LOUDSPEAKER -> "Loa truyền thanh";
            case SCREEN -> "Màn hình";
            case YOUTUBE -> "YouTube";
            case TIKTOK -> "TikTok";
        };
    }
}
