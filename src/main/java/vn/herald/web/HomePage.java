package vn.herald.web;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.herald.calendar.Calendar;
import vn.herald.calendar.GapState;
import vn.herald.campaign.CampaignOrigin;
import vn.herald.campaign.CampaignView;
import vn.herald.campaign.Campaigns;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.Channels;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.report.Reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The start page answers "what is next" for the person's unit: what goes out today and in the coming week on each
 * channel, what needs a person (failed publications, paused channels, weeks short of their cadence), what waits for
 * review, the reports due soon and the next campaign. The calendar is one click away.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class HomePage {

    /** Days after today the page looks ahead. */
    private static final int AHEAD_DAYS = 7;
    /** A publication that expired this long ago still asks for a look. */
    private static final Duration EXPIRED_RECENTLY = Duration.ofDays(7);
    private static final int MOST_LISTED = 50;

    /** One publication as the page lists it. */
    record Item(long publicationId, String at, String title, String statusKey) {}

    /** A channel's publications today and in the days after. */
    record ChannelAhead(String channelName, List<Item> today, List<Item> coming) {}

    /** A week that will break a cadence rule unless more is scheduled. */
    record WeekAtRisk(String week, String from, String to, String channelName, int counted, int required) {}

    /** The campaign whose window comes first: running now or the next to open. */
    record NextCampaign(String name, LocalDate start, LocalDate end, boolean open, long daysUntil, int slots,
                        int filled, boolean launched) {}

    private final Calendar calendar;
    private final Campaigns campaigns;
    private final Publishing publishing;
    private final Pieces pieces;
    private final Channels channels;
    private final Reports reports;
    private final PublicationRows rows;
    private final Times times;

    HomePage(Calendar calendar, Campaigns campaigns, Publishing publishing, Pieces pieces, Channels channels,
             Reports reports, PublicationRows rows, Times times) {
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.publishing = publishing;
        this.pieces = pieces;
        this.channels = channels;
        this.reports = reports;
        this.rows = rows;
        this.times = times;
    }

    @Get
    ModelAndView<Map<String, Object>> home(Authentication user) {
        String unit = times.unitCode();
        Instant now = times.now();
        LocalDate today = now.atZone(times.zone()).toLocalDate();
        List<Channel> own = channels.list().stream().filter(c -> c.unitCode().equals(unit)).toList();
        Map<String, Object> model = Page.model(user, "home");
        model.put("today", times.day(today));
        model.put("ahead", ahead(unit, own, today));
        model.put("failed", failed(unit, now));
        model.put("paused", own.stream().filter(Channel::paused).toList());
        model.put("atRisk", atRisk(unit, own, today));
        model.put("inReview", pieces.list(new Pieces.Filter(unit, null, PieceStatus.IN_REVIEW, null, null, null),
                Pageable.from(0, 1)).getTotalSize());
        model.put("reports", reports.reminders(unit));
        model.put("campaign", nextCampaign(unit, today).orElse(null));
        model.put("times", times);
        return Page.view("home", model);
    }

    /** Per channel of the unit, in the listed order: today's publications and those of the next days, not cancelled. */
    private List<ChannelAhead> ahead(String unit, List<Channel> own, LocalDate today) {
        Set<String> dryRun = own.stream().filter(c -> c.mode() == ChannelMode.DRY_RUN).map(Channel::id)
                .collect(Collectors.toSet());
        Map<String, List<Item>> todays = new LinkedHashMap<>();
        Map<String, List<Item>> coming = new LinkedHashMap<>();
        for (Calendar.Week week : calendar.view(unit, today, today.plusDays(AHEAD_DAYS), null).weeks()) {
            for (Calendar.Day day : week.days()) {
                Map<String, List<Item>> into = day.date().equals(today) ? todays : coming;
                day.publications().stream().filter(p -> p.status() != PublicationStatus.CANCELLED).forEach(p ->
                        into.computeIfAbsent(p.channelId(), id -> new ArrayList<>()).add(new Item(p.id(),
                                times.show(p.plannedAt().toInstant()), p.pieceTitle(), statusKey(p, dryRun))));
            }
        }
        return own.stream().map(c -> new ChannelAhead(c.name(), todays.getOrDefault(c.id(), List.of()),
                coming.getOrDefault(c.id(), List.of()))).toList();
    }

    /** A dry-run channel's "published" was never sent, and the page says so, as the publication lists do. */
    private static String statusKey(Calendar.CalendarPublication p, Set<String> dryRun) {
        return p.status() == PublicationStatus.PUBLISHED && dryRun.contains(p.channelId()) ? "PUBLISHED_DRY_RUN"
                : p.status().name();
    }

    /** The unit's publications a person must look at: stuck, unknown, or expired in the last days. */
    private List<PublicationRow> failed(String unit, Instant now) {
        List<Publication> found = new ArrayList<>();
        for (PublicationStatus status : List.of(PublicationStatus.NEEDS_ATTENTION, PublicationStatus.UNKNOWN)) {
            found.addAll(publishing.list(new Publishing.Filter(status, null, null, null, null),
                    Pageable.from(0, MOST_LISTED)).getContent());
        }
        found.addAll(publishing.list(new Publishing.Filter(PublicationStatus.EXPIRED, null, null,
                now.minus(EXPIRED_RECENTLY), now), Pageable.from(0, MOST_LISTED)).getContent());
        return rows.of(found.stream().filter(p -> p.unitCode().equals(unit))
                .sorted(Comparator.comparing(Publication::plannedAt)).toList());
    }

    /** This week and the next: the channels whose cadence is not yet covered by what is scheduled. */
    private List<WeekAtRisk> atRisk(String unit, List<Channel> own, LocalDate today) {
        Map<String, String> names = own.stream().collect(Collectors.toMap(Channel::id, Channel::name));
        return calendar.gaps(unit, today, today.plusDays(AHEAD_DAYS)).gaps().stream()
                .filter(gap -> gap.state() == GapState.AT_RISK)
                .map(gap -> new WeekAtRisk(gap.week(), times.day(gap.monday()), times.day(gap.sunday()),
                        names.getOrDefault(gap.channelId(), gap.channelId()), gap.counted(), gap.required()))
                .toList();
    }

    /** The first window not yet closed: a template's (launched or not) or a campaign made by hand. */
    private Optional<NextCampaign> nextCampaign(String unit, LocalDate today) {
        List<NextCampaign> found = new ArrayList<>();
        for (Campaigns.Outlook outlook : campaigns.outlook(unit)) {
            found.add(new NextCampaign(outlook.name(), outlook.windowStart(), outlook.windowEnd(), outlook.open(),
                    Math.max(0, ChronoUnit.DAYS.between(today, outlook.windowStart())), outlook.slots(),
                    outlook.filled(), outlook.launched() != null));
        }
        for (CampaignView custom : campaigns.list(unit, null)) {
            if (custom.origin() == CampaignOrigin.CUSTOM && !custom.windowEnd().isBefore(today)) {
                found.add(new NextCampaign(custom.name(), custom.windowStart(), custom.windowEnd(), custom.open(),
                        Math.max(0, ChronoUnit.DAYS.between(today, custom.windowStart())), custom.counts().planned(),
                        custom.counts().scheduled() + custom.counts().published(), true));
            }
        }
        return found.stream().min(Comparator.comparing(NextCampaign::start));
    }
}
