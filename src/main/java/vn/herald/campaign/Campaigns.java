package vn.herald.campaign;

import io.micronaut.core.annotation.Nullable;
import vn.herald.unit.Access;
import vn.herald.unit.Reach;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.content.Pieces;
import vn.herald.content.Slugs;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Campaign instances: what the sweep launched, custom ones people make, and where their slots stand. */
@Singleton
public class Campaigns {

    /**
     * A custom campaign, in a template's shape: the window is either {@code start} and {@code end} (dates, both
     * included) or {@code day} ({@code MM-dd}) with {@code leadDays} and {@code tailDays} in {@code year} (by default
     * the next window that has not closed). {@code cadence} maps channel types to {@code daily},
     * {@code every-session-day}, {@code weekly}, {@code featured} or {@code none}.
     */
    @Serdeable
    public record CampaignForm(@Nullable String code, @Nullable String name, @Nullable String unitCode,
                               @Nullable Integer year, @Nullable String start, @Nullable String end,
                               @Nullable String day, @Nullable Integer leadDays, @Nullable Integer tailDays,
                               @Nullable String tag, @Nullable List<String> topics,
                               @Nullable Map<String, String> cadence, @Nullable String description) {}

    /**
     * A template as a unit meets it next: the window open now or the next to open, and either the instance already
     * launched for it or what a launch would plan on each channel, with how many approved pieces carry its tag.
     */
    @Serdeable
    public record Outlook(String code, String name, @Nullable String description, LocalDate day, int year,
                          LocalDate windowStart, LocalDate windowEnd, boolean open, String tag, int taggedPieces,
                          @Nullable CampaignView launched, List<PlannedChannel> plan) {

        /** Slots in all: the launched instance's, or those a launch would plan. */
        public int slots() {
            return launched != null ? launched.counts().planned() : plan.stream().mapToInt(c -> c.slots().size()).sum();
        }

        /** Slots with a piece: none before the launch. */
        public int filled() {
            return launched == null ? 0 : launched.counts().scheduled() + launched.counts().published();
        }
    }

    /** One channel's slots a launch would plan, in the unit's zone. */
    @Serdeable
    public record PlannedChannel(String channelId, String channelName, ChannelType type, Cadence cadence,
                                 List<OffsetDateTime> slots) {}

    /** A campaign the portal features today: its name and the pieces carrying its tag. */
    public record Featured(long campaignId, String name, Set<Long> pieceIds) {}

    private static final int MAX_FEATURED_PIECES = 200;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final int MAX_SIDE = 60;
    private static final int MAX_DAYS = 2 * MAX_SIDE + 1;

    private final CampaignLauncher launcher;
    private final CampaignRepository campaigns;
    private final CampaignSlotRepository slots;
    private final CampaignTemplates templates;
    private final Publishing publishing;
    private final Pieces pieces;
    private final Channels channels;
    private final Units units;
    private final java.time.Clock clock;
    private final Access access;

    Campaigns(CampaignLauncher launcher, CampaignRepository campaigns, CampaignSlotRepository slots,
              CampaignTemplates templates, Publishing publishing, Pieces pieces, Channels channels, Units units, Access access,
              java.time.Clock clock) {
        this.access = access;
        this.launcher = launcher;
        this.campaigns = campaigns;
        this.slots = slots;
        this.templates = templates;
        this.publishing = publishing;
        this.pieces = pieces;
        this.channels = channels;
        this.units = units;
        this.clock = clock;
    }

    /** Launches the templates whose window has opened and fills running campaigns; answers what it launched. */
    public List<CampaignView> sweep() {
        return launcher.sweep().stream().map(this::view).toList();
    }

    /** Instances by window, newest first; both filters optional. */
    public List<CampaignView> list(@Nullable String unitCode, @Nullable Integer year) {
        if (unitCode != null) {
            access.unit(unitCode, "unit");
        }
        Reach reach = access.reach();
        List<Campaign> found = new ArrayList<>();
        for (Campaign campaign : campaigns.findAll()) {
            if ((unitCode == null || campaign.unitCode().equals(unitCode)) && (year == null || campaign.year() == year)
                    && reach.canRead(campaign.unitCode())) {
                found.add(campaign);
            }
        }
        found.sort(Comparator.comparing(Campaign::windowStart).reversed().thenComparing(Campaign::code));
        return found.stream().map(this::view).toList();
    }

    /** Every template as the unit meets it next, soonest window first. */
    public List<Outlook> outlook(@Nullable String unitCode) {
        Unit unit = access.unit(unitCode, "unit");
        return templates.list().stream().map(template -> outlook(template, unit))
                .sorted(Comparator.comparing(Outlook::windowStart).thenComparing(Outlook::code)).toList();
    }

    /** One template as the unit meets it next: what launching it now would make. */
    public Outlook outlook(@Nullable String unitCode, String code) {
        Unit unit = access.unit(unitCode, "unit");
        return outlook(template(code), unit);
    }

    /**
     * Launches the template's next window for the unit now rather than on its opening day: its slots are planned and
     * the approved pieces carrying its tag go into them, as the sweep would do when the window opens.
     */
    public CampaignView launchNow(@Nullable String unitCode, String code, String actor) {
        Unit unit = access.unitToChange(unitCode, "unit");
        CampaignTemplate template = template(code);
        int year = CampaignWindow.nextYear(template, today(unit));
        CampaignLauncher.Launch launch = launcher.launch(template.code(), year, unit, CampaignOrigin.TEMPLATE,
                template.name(), CampaignRules.of(template), CampaignWindow.of(template, year), actor);
        if (!launch.created()) {
            throw Refusal.conflict(RefusalCode.CAMPAIGN_LAUNCHED, template.name(), String.valueOf(year));
        }
        return view(launch.campaign());
    }

    private Outlook outlook(CampaignTemplate template, Unit unit) {
        int year = CampaignWindow.nextYear(template, today(unit));
        CampaignWindow window = CampaignWindow.of(template, year);
        CampaignRules rules = CampaignRules.of(template);
        ZoneId zone = unit.zoneId();
        CampaignView launched = campaigns.findByCodeAndYearAndUnitCode(template.code(), year, unit.code())
                .map(this::view).orElse(null);
        List<PlannedChannel> plan = new ArrayList<>();
        if (launched == null) {
            launcher.outline(rules, window, unit).forEach((channel, slots) -> plan.add(new PlannedChannel(channel.id(),
                    channel.name(), channel.type(), rules.cadenceOf(channel.type()),
                    slots.stream().map(at -> at.atZone(zone).toOffsetDateTime()).toList())));
        }
        return new Outlook(template.code(), template.name(), template.description(),
                MonthDay.parse("--" + template.day()).atYear(year), year, window.start(), window.end(),
                window.contains(today(unit)), rules.tag(), launcher.tagged(rules.tag(), unit.code()), launched, plan);
    }

    private CampaignTemplate template(String code) {
        return templates.find(code).orElseThrow(() -> Refusal.notFound(Refusal.Noun.CAMPAIGN_TEMPLATE, code));
    }

    private LocalDate today(Unit unit) {
        return clock.instant().atZone(unit.zoneId()).toLocalDate();
    }

    /** The unit's campaigns whose window holds today and whose cadence features them on the portal. */
    public List<Featured> featuredNow(String unitCode) {
        LocalDate today = clock.instant().atZone(units.zoneOf(unitCode)).toLocalDate();
        List<Featured> featured = new ArrayList<>();
        for (Campaign campaign : campaigns.findByWindowEndGreaterThanEquals(today)) {
            CampaignRules rules = launcher.rules(campaign);
            if (campaign.unitCode().equals(unitCode) && campaign.window().contains(today)
                    && rules.cadenceOf(ChannelType.EPORTAL) == Cadence.FEATURED) {
                featured.add(new Featured(campaign.id(), campaign.name(), pieces.taggedFor(unitCode, rules.tag(), MAX_FEATURED_PIECES)));
            }
        }
        featured.sort(Comparator.comparing(Featured::campaignId));
        return featured;
    }

    public CampaignView get(long id) {
        Campaign campaign = campaigns.findById(id).orElseThrow(() -> Refusal.notFound(Refusal.Noun.CAMPAIGN, id));
        access.read(campaign.unitCode(), Refusal.Noun.CAMPAIGN, id);
        return view(campaign);
    }

    /** Makes a custom campaign and launches it at once: its slots ahead are planned and filled now. */
    public CampaignView create(CampaignForm form, String actor) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        Unit unit = access.unitToChange(form.unitCode(), "unitCode");
        String unitCode = unit.code();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new Refusal.FieldError("name", RefusalCode.CAMPAIGN_NAME));
        }
        String code = form.code() == null || form.code().isBlank() ? shortened(Slugs.slugOf(name)) : form.code().strip();
        if (!CODE.matcher(code).matches()) {
            errors.add(new Refusal.FieldError("code", RefusalCode.CAMPAIGN_CODE_FORM));
        } else if (templates.find(code).isPresent()) {
            errors.add(new Refusal.FieldError("code", RefusalCode.CAMPAIGN_CODE_OF_TEMPLATE, code));
        }
        String tag = form.tag() == null || form.tag().isBlank() ? code : form.tag().strip();
        if (tag.length() > 64) {
            errors.add(new Refusal.FieldError("tag", RefusalCode.CAMPAIGN_TAG_LENGTH, 64));
        }
        Map<ChannelType, Cadence> cadence = cadence(form.cadence(), errors);
        ZoneId zone = unit == null ? ZoneId.of("Asia/Ho_Chi_Minh") : unit.zoneId();
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        CampaignWindow window = window(form, today, errors);
        if (window != null && window.end().isBefore(today)) {
            errors.add(new Refusal.FieldError(form.day() == null ? "end" : "year", RefusalCode.CAMPAIGN_WINDOW_CLOSED,
                    Refusal.day(window.end())));
        }
        if (!errors.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, RefusalCode.CAMPAIGN_INVALID, errors);
        }
        int year = form.year() != null ? form.year() : form.day() != null ? window.end().minusDays(tail(form)).getYear()
                : window.start().getYear();
        if (campaigns.existsByCodeAndYearAndUnitCode(code, year, unitCode)) {
            throw Refusal.conflict(RefusalCode.CAMPAIGN_EXISTS, code, year, unit.name());
        }
        List<String> topics = form.topics() == null ? List.of() : form.topics().stream().map(String::strip)
                .filter(topic -> !topic.isEmpty()).toList();
        CampaignLauncher.Launch launch = launcher.launch(code, year, unit, CampaignOrigin.CUSTOM, name,
                new CampaignRules(tag, topics, cadence, form.description()), window, actor);
        if (!launch.created()) {
            throw Refusal.conflict(RefusalCode.CAMPAIGN_EXISTS, code, year, unit.name());
        }
        return view(launch.campaign());
    }

    private static Map<ChannelType, Cadence> cadence(@Nullable Map<String, String> given, List<Refusal.FieldError> errors) {
        Map<ChannelType, Cadence> cadence = new EnumMap<>(ChannelType.class);
        if (given == null || given.isEmpty()) {
            errors.add(new Refusal.FieldError("cadence", RefusalCode.CADENCE_REQUIRED));
            return cadence;
        }
        given.forEach((key, value) -> {
            ChannelType type = constant(ChannelType.class, key);
            Cadence how = constant(Cadence.class, value);
            if (type == null) {
                errors.add(new Refusal.FieldError("cadence." + key, RefusalCode.CHANNEL_TYPE_UNKNOWN, key));
            } else if (how == null) {
                errors.add(new Refusal.FieldError("cadence." + key, RefusalCode.CADENCE_UNKNOWN, value));
            } else {
                cadence.put(type, how);
            }
        });
        return cadence;
    }

    @Nullable
    private static CampaignWindow window(CampaignForm form, LocalDate today, List<Refusal.FieldError> errors) {
        boolean dates = form.start() != null || form.end() != null;
        if (dates && form.day() != null) {
            errors.add(new Refusal.FieldError("day", RefusalCode.WINDOW_BOTH_WAYS));
            return null;
        }
        if (dates) {
            LocalDate start = date("start", form.start(), errors);
            LocalDate end = date("end", form.end(), errors);
            if (start == null || end == null) {
                return null;
            }
            if (end.isBefore(start)) {
                errors.add(new Refusal.FieldError("end", RefusalCode.WINDOW_END_BEFORE_START, Refusal.day(start)));
                return null;
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                errors.add(new Refusal.FieldError("end", RefusalCode.WINDOW_TOO_LONG, MAX_DAYS));
                return null;
            }
            return new CampaignWindow(start, end);
        }
        if (form.day() == null) {
            errors.add(new Refusal.FieldError("start", RefusalCode.WINDOW_REQUIRED));
            return null;
        }
        MonthDay day;
        try {
            day = MonthDay.parse(form.day().strip(), MONTH_DAY);
        } catch (DateTimeException e) {
            errors.add(new Refusal.FieldError("day", RefusalCode.MONTH_DAY_FORM, form.day()));
            return null;
        }
        int lead = side("leadDays", form.leadDays(), errors);
        int tail = side("tailDays", form.tailDays(), errors);
        if (lead < 0 || tail < 0) {
            return null;
        }
        if (form.year() != null) {
            return CampaignWindow.around(day.atYear(form.year()), lead, tail);
        }
        CampaignWindow thisYear = CampaignWindow.around(day.atYear(today.getYear()), lead, tail);
        return thisYear.end().isBefore(today) ? CampaignWindow.around(day.atYear(today.getYear() + 1), lead, tail) : thisYear;
    }

    private static int side(String field, @Nullable Integer days, List<Refusal.FieldError> errors) {
        int value = days == null ? 0 : days;
        if (value < 0 || value > MAX_SIDE) {
            errors.add(new Refusal.FieldError(field, RefusalCode.SIDE_DAYS_RANGE, MAX_SIDE, value));
            return -1;
        }
        return value;
    }

    private static int tail(CampaignForm form) {
        return form.tailDays() == null ? 0 : form.tailDays();
    }

    @Nullable
    private static LocalDate date(String field, @Nullable String text, List<Refusal.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new Refusal.FieldError(field, RefusalCode.DATE_REQUIRED));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            errors.add(new Refusal.FieldError(field, RefusalCode.DATE_FORM, text));
            return null;
        }
    }

    @Nullable
    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        String name = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        return null;
    }

    private static String shortened(String slug) {
        return slug.length() <= 64 ? slug : slug.substring(0, 64).replaceAll("-+$", "");
    }

    private CampaignView view(Campaign campaign) {
        CampaignRules rules = launcher.rules(campaign);
        ZoneId zone = units.zoneOf(campaign.unitCode());
        Instant now = clock.instant();
        Map<Long, String> titles = new HashMap<>();
        Map<String, List<CampaignView.Slot>> byChannel = new LinkedHashMap<>();
        for (Channel channel : channels.list()) {
            if (channel.unitCode().equals(campaign.unitCode()) && rules.cadenceOf(channel.type()) != Cadence.NONE) {
                byChannel.put(channel.id(), new ArrayList<>());
            }
        }
        for (CampaignSlot slot : slots.findByCampaignIdOrderByPlannedAt(campaign.id())) {
            CampaignView.Slot shown;
            if (slot.publicationId() == null) {
                shown = new CampaignView.Slot(slot.id(), slot.plannedAt().atZone(zone).toOffsetDateTime(),
                        SlotStatus.unfilled(slot.plannedAt(), now), null, null, null, null);
            } else {
                Publication publication = publishing.get(slot.publicationId());
                String title = titles.computeIfAbsent(publication.pieceId(), id -> pieces.get(id).title());
                shown = new CampaignView.Slot(slot.id(), slot.plannedAt().atZone(zone).toOffsetDateTime(),
                        SlotStatus.of(slot.plannedAt(), publication.status(), now), publication.id(), publication.status(),
                        publication.pieceId(), title);
            }
            byChannel.computeIfAbsent(slot.channelId(), id -> new ArrayList<>()).add(shown);
        }
        List<CampaignView.ChannelSlots> perChannel = new ArrayList<>();
        List<CampaignView.Slot> all = new ArrayList<>();
        byChannel.forEach((channelId, channelSlots) -> {
            Channel channel = channels.get(channelId);
            perChannel.add(CampaignView.ChannelSlots.of(channelId, channel.name(), channel.type(),
                    rules.cadenceOf(channel.type()), channelSlots));
            all.addAll(channelSlots);
        });
        CampaignWindow window = campaign.window();
        Instant opens = window.opensAt(zone);
        Instant closes = window.closesAt(zone);
        return new CampaignView(campaign.id(), campaign.code(), campaign.name(), campaign.unitCode(), campaign.year(),
                campaign.origin(), rules.tag(), rules.topics(), rules.cadence(), rules.description(), window.start(),
                window.end(), opens.atZone(zone).toOffsetDateTime(), closes.atZone(zone).toOffsetDateTime(),
                !now.isBefore(opens) && now.isBefore(closes), campaign.launchedAt(), campaign.launchedBy(),
                CampaignView.Counts.of(all), perChannel);
    }
}
