package vn.herald.web;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.calendar.Calendar;
import vn.herald.channel.Metric;
import vn.herald.engagement.Engagements;
import vn.herald.calendar.CalendarConfig;
import vn.herald.calendar.GapState;
import vn.herald.campaign.CampaignView;
import vn.herald.campaign.Campaigns;
import vn.herald.channel.Channel;
import vn.herald.channel.Channels;
import vn.herald.plan.TaskLinks;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The editorial calendar (FullCalendar, fed by {@link #events}) with the unscheduled approved pieces folded beside it.
 * Moving an event and dropping a backlog piece go through {@link Publishing}, so the calendar refuses exactly what
 * the API refuses.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class CalendarPage {

    /**
     * Colours with at least 4.5:1 contrast against white text, one per channel in the order they are listed: nine, so
     * a commune with every kind of channel (portal, Facebook, Zalo, loudspeakers, a screen, YouTube, TikTok) and two
     * more sees no colour twice.
     */
    private static final List<String> COLOURS = List.of("#0b5cad", "#1a7f37", "#8250df", "#a34700", "#bf3989", "#0e6f85",
            "#6e5a00", "#4b5563", "#cf222e");
    /** The mark beside each title, so a status never depends on colour alone; the legend names each. */
    private static final Map<PublicationStatus, String> MARKS = Map.of(PublicationStatus.SCHEDULED, "◷",
            PublicationStatus.SENDING, "↗", PublicationStatus.PUBLISHED, "✓", PublicationStatus.RETRY_WAIT, "↻",
            PublicationStatus.NEEDS_ATTENTION, "⚠", PublicationStatus.UNKNOWN, "?", PublicationStatus.EXPIRED, "⌛",
            PublicationStatus.CANCELLED, "✕");
    /** What {@link Publishing#reschedule} accepts: only these can be dragged. */
    private static final Set<PublicationStatus> MOVABLE = EnumSet.of(PublicationStatus.SCHEDULED,
            PublicationStatus.RETRY_WAIT, PublicationStatus.NEEDS_ATTENTION, PublicationStatus.EXPIRED);
    /** FullCalendar is set to UTC and fed wall-clock times of the unit: what it shows is the unit's time, in any browser. */
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final Locale VI = Locale.forLanguageTag("vi");
    /** A backlog longer than this starts folded: the calendar stays at the top of the page. */
    private static final int FOLD_ABOVE = 5;

    /** One FullCalendar event: a publication, or a background band (gap week, campaign window). */
    @Serdeable
    record Event(String id, String title, String start, @Nullable String end, @Nullable String url,
                 @Nullable String backgroundColor, @Nullable String borderColor, @Nullable String textColor,
                 @Nullable String display, List<String> classNames, boolean editable, Map<String, Object> extendedProps) {}

    /** A legend line: a channel and its colour, or a status and its mark. */
    record Key(String sign, String name) {}

    /** A drop of an event on another day: the new wall-clock time in the unit's zone ("2027-05-18T09:00"). */
    @Serdeable
    record Move(@Nullable Long publicationId, @Nullable String plannedAt, @Nullable String csrfToken) {}

    /** A backlog piece dropped on a day, for one channel. */
    @Serdeable
    record Place(@Nullable Long pieceId, @Nullable String channelId, @Nullable String date, @Nullable String csrfToken) {}

    @Serdeable
    record Moved(long publicationId, String plannedAt, String shown) {}

    private final Calendar calendar;
    private final Campaigns campaigns;
    private final CalendarConfig calendarConfig;
    private final Publishing publishing;
    private final Channels channels;
    private final Times times;
    private final PageForms forms;
    private final MessageSource messages;
    private final Engagements engagements;
    private final TaskLinks taskLinks;

    CalendarPage(Calendar calendar, Campaigns campaigns, CalendarConfig calendarConfig, Publishing publishing,
                 Channels channels, Times times, PageForms forms,
                 MessageSource messages, TaskLinks taskLinks, Engagements engagements) {
        this.taskLinks = taskLinks;
        this.engagements = engagements;
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.calendarConfig = calendarConfig;
        this.publishing = publishing;
        this.channels = channels;
        this.times = times;
        this.forms = forms;
        this.messages = messages;
    }

    @Get("/calendar")
    ModelAndView<Map<String, Object>> calendar(Authentication user) {
        Instant now = times.now();
        String unit = channelsUnit();
        Map<String, Object> model = Page.model(user, "calendar");
        model.put("today", now.atZone(times.zone()).toLocalDate().toString());
        // FullCalendar's own "today" would be the browser's UTC day: it is given the unit's wall clock instead
        model.put("now", WALL.format(now.atZone(times.zone()).toLocalDateTime()));
        List<Channel> own = ownChannels();
        Map<String, String> colours = colours(own);
        model.put("channels", own);
        model.put("channelKeys", own.stream().map(c -> new Key(colours.get(c.id()), c.name())).toList());
        model.put("statusKeys", MARKS.keySet().stream().sorted().map(s -> new Key(MARKS.get(s), status(s))).toList());
        model.put("backlog", calendar.backlog(unit));
        model.put("foldAbove", FOLD_ABOVE);
        model.put("fillHour", calendarConfig.fillHour());
        return Page.view("calendar", model);
    }

    /** A publication's figures as the calendar's tooltip says them: "Lượt xem 1.234, Người xem 800". */
    private String figuresText(Map<Metric, Long> read) {
        NumberFormat number = NumberFormat.getIntegerInstance(VI);
        return read.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(figure -> text("engagement.metric." + figure.getKey().name()) + " " + number.format(figure.getValue()))
                .collect(Collectors.joining(", "));
    }

    /**
     * FullCalendar's event feed for the shown range ({@code start} included, {@code end} excluded, as it asks):
     * publications coloured by channel, gap weeks and campaign windows as background bands.
     */
    @Get("/calendar/events")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<List<Event>> events(@QueryValue String start, @QueryValue String end) {
        LocalDate from = day(start, "start");
        LocalDate to = day(end, "end").minusDays(1);
        String unit = channelsUnit();
        Map<String, String> colours = colours(ownChannels());
        Map<String, String> names = new LinkedHashMap<>();
        ownChannels().forEach(c -> names.put(c.id(), c.name()));
        List<Event> events = new ArrayList<>();
        List<Calendar.Week> weeks = calendar.view(unit, from, to, null).weeks();
        // the plan task each publication serves, read once for the whole range
        Map<Long, TaskLinks.LinkedTask> tasks = taskLinks.ofPublications(weeks.stream().flatMap(w -> w.days().stream())
                .flatMap(d -> d.publications().stream()).map(Calendar.CalendarPublication::id).toList());
        Map<Long, Map<Metric, Long>> figures = engagements.latestOf(weeks.stream().flatMap(w -> w.days().stream())
                .flatMap(d -> d.publications().stream()).filter(p -> p.status() == PublicationStatus.PUBLISHED)
                .map(Calendar.CalendarPublication::id).toList());
        for (Calendar.Week week : weeks) {
            for (Calendar.Day d : week.days()) {
                for (Calendar.CalendarPublication p : d.publications()) {
                    String colour = colours.getOrDefault(p.channelId(), COLOURS.get(0));
                    String channelName = names.getOrDefault(p.channelId(), p.channelId());
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("publicationId", p.id());
                    props.put("status", p.status().name());
                    TaskLinks.LinkedTask task = tasks.get(p.id());
                    String read = figuresText(figures.getOrDefault(p.id(), Map.of()));
                    props.put("label", status(p.status()) + ", " + channelName + ": " + p.pieceTitle()
                            + (read.isEmpty() ? "" : " (" + read + ")")
                            + (task == null ? "" : ". " + text("calendar.task") + ": " + task.planNumber() + ", " + task.title()));
                    if (!read.isEmpty()) {
                        props.put("engagement", read);
                    }
                    if (task != null) {
                        props.put("task", task.ref());
                    }
                    events.add(new Event("p" + p.id(), MARKS.get(p.status()) + " " + p.pieceTitle(),
                            WALL.format(p.plannedAt().toLocalDateTime()), null, "/publications/" + p.id(), colour,
                            colour, "#ffffff", null, List.of("pub", "status-" + p.status().name().toLowerCase(Locale.ROOT)),
                            MOVABLE.contains(p.status()), props));
                }
            }
        }
        // one band per week: two channels short in the same week share it, and a missed rule outweighs a risk
        Map<String, List<Calendar.Gap>> byWeek = new TreeMap<>();
        calendar.gaps(unit, from, to).gaps().stream().filter(g -> g.state() != GapState.MET)
                .forEach(g -> byWeek.computeIfAbsent(g.week(), w -> new ArrayList<>()).add(g));
        byWeek.forEach((week, gaps) -> {
            String state = gaps.stream().anyMatch(g -> g.state() == GapState.MISSED) ? "missed" : "at-risk";
            String shortOf = gaps.stream().map(g -> names.getOrDefault(g.channelId(), g.channelId()) + " " + g.counted()
                    + "/" + g.required()).collect(Collectors.joining(", "));
            String monday = gaps.get(0).monday().toString();
            String nextMonday = gaps.get(0).sunday().plusDays(1).toString();
            String says = text("calendar.gap." + state) + ": " + shortOf;
            // the stripes highlight the week; the note above the days says why in words, linking to the gaps page
            events.add(new Event("g-" + week, "", monday, nextMonday, null, null, null, null, "background",
                    List.of("gap", "gap-" + state), false, Map.of()));
            events.add(new Event("n-" + week, "⚠ " + says, monday, nextMonday, "/gaps", null, null, null, "block",
                    List.of("gap-note", "gap-note-" + state), false, Map.of("label", says)));
        });
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (CampaignView c : campaigns.list(unit, year)) {
                if (c.windowEnd().isBefore(from) || c.windowStart().isAfter(to)) {
                    continue;
                }
                events.add(new Event("c" + c.id(), text("calendar.campaign") + ": " + c.name(), c.windowStart().toString(),
                        c.windowEnd().plusDays(1).toString(), "/campaigns?nam=" + c.year(), null, null, null, "block",
                        List.of("campaign-band"), false, Map.of("label", text("calendar.campaign") + ": " + c.name())));
            }
        }
        return json(events);
    }

    /** A dragged event: reschedules it, or answers the refusal (problem+json) so the page can put the event back. */
    @Post("/calendar/move")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Moved> move(@Body Move move, Authentication user) {
        forms.check(user, move.csrfToken());
        if (move.publicationId() == null) {
            throw Refusal.invalid("publicationId", RefusalCode.PUBLICATION_REQUIRED);
        }
        Publication moved = publishing.reschedule(move.publicationId(), wallTime(move.plannedAt()), user.getName());
        return json(new Moved(moved.id(), times.input(moved.plannedAt()), times.show(moved.plannedAt())));
    }

    /** A backlog piece dropped on a day: scheduled on the chosen channel at the calendar's fill hour of that day. */
    @Post("/calendar/place")
    @Secured("EDITOR")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<Moved> place(@Body Place place, Authentication user) {
        forms.check(user, place.csrfToken());
        if (place.pieceId() == null) {
            throw Refusal.invalid("pieceId", RefusalCode.PIECE_REQUIRED);
        }
        if (place.channelId() == null || place.channelId().isBlank()) {
            throw Refusal.invalid("channelId", RefusalCode.CALENDAR_CHANNEL_REQUIRED);
        }
        LocalDate date = day(place.date(), "date");
        Instant at = date.atTime(calendarConfig.fillHour(), 0).atZone(times.zone()).toInstant();
        Publication scheduled = publishing.schedule(place.pieceId(), List.of(place.channelId()), at, user.getName()).get(0);
        return json(new Moved(scheduled.id(), times.input(scheduled.plannedAt()), times.show(scheduled.plannedAt())));
    }

    /** JSON whatever the request accepts: the class produces HTML, and a browser's Accept names HTML first. */
    private static <T> HttpResponse<T> json(T body) {
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private Instant wallTime(@Nullable String value) {
        try {
            if (value == null) {
                throw new DateTimeParseException("missing", "", 0);
            }
            return LocalDateTime.parse(value.length() > 16 ? value.substring(0, 16) : value).atZone(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("plannedAt", RefusalCode.LOCAL_TIME_FORM, String.valueOf(value));
        }
    }

    private static LocalDate day(@Nullable String value, String field) {
        try {
            return LocalDate.parse(value == null || value.length() < 10 ? String.valueOf(value) : value.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, RefusalCode.DATE_FORM, String.valueOf(value));
        }
    }

    private String channelsUnit() {
        return times.unitCode();
    }

    private List<Channel> ownChannels() {
        String unit = channelsUnit();
        return channels.list().stream().filter(c -> c.unitCode().equals(unit)).toList();
    }

    private static Map<String, String> colours(List<Channel> own) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (int i = 0; i < own.size(); i++) {
            colours.put(own.get(i).id(), COLOURS.get(i % COLOURS.size()));
        }
        return colours;
    }

    private String status(PublicationStatus status) {
        return text("pstatus." + status.name());
    }

    private String text(String key) {
        return messages.getMessage(key, VI).orElse(key);
    }
}
