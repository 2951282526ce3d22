package vn.herald.report;

import io.micronaut.context.MessageSource;
import io.micronaut.core.annotation.Nullable;
import vn.herald.unit.Access;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.calendar.Calendar;
import vn.herald.calendar.GapState;
import vn.herald.campaign.CampaignView;
import vn.herald.campaign.Campaigns;
import vn.herald.campaign.SlotStatus;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Channels;
import vn.herald.content.PieceKind;
import vn.herald.engagement.Engagements;
import vn.herald.engagement.Reach;
import vn.herald.plan.ContributionRow;
import vn.herald.plan.Contributions;
import vn.herald.plan.Plan;
import vn.herald.plan.PlanTask;
import vn.herald.plan.Plans;
import vn.herald.plan.TaskProgress;
import vn.herald.publishing.PublicationStatus;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import java.util.stream.Collectors;
import java.util.function.Function;
import java.util.stream.Stream;

/** The reports a unit owes its superiors, the reminders before they are due, and a province's overview of its units. */
@Singleton
public class Reports {

    /** A report that is due soon, with where to make it. */
    @Serdeable
    public record Reminder(ReportPeriod period, String title, LocalDate due, long daysLeft, String link) {}

    private static final Map<PieceKind, String> KIND_LABELS = Map.of(
            PieceKind.ARTICLE, "Tin, bài viết",
            PieceKind.INFOGRAPHIC, "Đồ họa thông tin (infographic)",
            PieceKind.RADIO_SCRIPT, "Kịch bản phát thanh",
            PieceKind.VIDEO, "Video");
    private static final Map<Report.Ending, String> ENDING_LABELS = Map.of(
            Report.Ending.SENT_LATER, "Đã gửi được sau khi thử lại",
            Report.Ending.EXPIRED, "Quá hạn, không gửi được",
            Report.Ending.CANCELLED, "Đã hủy",
            Report.Ending.WAITING, "Đang chờ xử lý");

    /** How many periods of each kind a person may pick, the one due next and those before it. */
    private static final Map<ReportPeriod.Kind, Integer> CHOICES = Map.of(ReportPeriod.Kind.MONTH, 12,
            ReportPeriod.Kind.HALF_YEAR, 4, ReportPeriod.Kind.YEAR, 3);

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** The verdict on a target Herald has no way to measure (officials informed, tasks made public). */
    static final String NOT_MEASURED = "Herald không đo chỉ tiêu này; đơn vị tự đánh giá";

    private final ReportFacts facts;
    private final Units units;
    private final Campaigns campaigns;
    private final Calendar calendar;
    private final Channels channels;
    private final ReportConfig config;
    private final Clock clock;
    private final Access access;
    private final MessageSource messages;
    private final TaskProgress progress;
    private final Plans plans;
    private final Contributions contributions;
    private final ReportNoteRepository notes;
    private final Engagements engagements;

    Reports(ReportFacts facts, Units units, Campaigns campaigns, Calendar calendar, Channels channels, ReportConfig config, Access access,
            MessageSource messages, Clock clock, TaskProgress progress, Plans plans, Contributions contributions,
            ReportNoteRepository notes, Engagements engagements) {
        this.engagements = engagements;
        this.progress = progress;
        this.plans = plans;
        this.contributions = contributions;
        this.notes = notes;
        this.access = access;
        this.messages = messages;
        this.facts = facts;
        this.units = units;
        this.campaigns = campaigns;
        this.calendar = calendar;
        this.channels = channels;
        this.config = config;
        this.clock = clock;
    }

    public ReportPeriod period(String label) {
        return ReportPeriod.parse(label, config.boundaries());
    }

    public Report report(String unitCode, String periodLabel) {
        Unit unit = unit(unitCode);
        ReportPeriod period = period(periodLabel);
        ZoneId zone = unit.zoneId();
        List<PublicationFact> all = facts.publications(unit.code(), start(period, zone), end(period, zone));
        List<PublicationFact> published = all.stream().filter(PublicationFact::published).toList();
        Map<String, String> texts = texts(unit, period);
        Reach reach = reach(unit, period);

        Map<String, int[]> perChannel = new LinkedHashMap<>();
        Map<String, PublicationFact> channelOf = new LinkedHashMap<>();
        for (PublicationFact fact : all) {
            if (fact.status() == PublicationStatus.PUBLISHED) {
                int[] counts = perChannel.computeIfAbsent(fact.channelId(), id -> new int[2]);
                counts[fact.dryRun() ? 1 : 0]++;
                channelOf.putIfAbsent(fact.channelId(), fact);
            }
        }
        List<Report.ChannelCount> byChannel = perChannel.entrySet().stream()
                .map(e -> new Report.ChannelCount(e.getKey(), channelOf.get(e.getKey()).channelName(),
                        channelOf.get(e.getKey()).channelType(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing(Report.ChannelCount::type).thenComparing(Report.ChannelCount::channelId))
                .toList();

        List<PublicationFact> loudspeaker = published.stream().filter(f -> f.channelType() == ChannelType.LOUDSPEAKER).toList();
        long airSeconds = loudspeaker.stream().filter(f -> f.readSeconds() != null).mapToLong(PublicationFact::readSeconds).sum();
        int withoutDuration = (int) loudspeaker.stream().filter(f -> f.readSeconds() == null).count();
        List<Report.Failure> failures = all.stream().filter(PublicationFact::failed).map(this::failure).toList();
        int dryRun = (int) all.stream().filter(f -> f.dryRun() && f.status() == PublicationStatus.PUBLISHED).count();

        return new Report(
                line(unit), period, clock.instant(),
                new Report.Totals(published.size(), dryRun, failures.size(), Math.round(airSeconds / 60.0), airSeconds,
                        loudspeaker.size(), withoutDuration),
                byChannel, byChannelType(published),
                counts(published, f -> List.of(f.kind().name()), key -> KIND_LABELS.get(PieceKind.valueOf(key))),
                counts(published, PublicationFact::topics, Function.identity()),
                counts(published, PublicationFact::audiences, Function.identity()),
                cadenceLines(unit, period), campaignLines(unit, period), failures,
                published.stream().map(this::item).toList(),
                reachLine(unit, reach), planSections(unit, period, all, texts, reach), texts.get(ReportNotes.GENERAL));
    }

    private Report.Item item(PublicationFact f) {
        return new Report.Item(f.id(), f.title(), f.channelName(), f.channelType(), f.plannedAt(), f.externalUrl());
    }

    /**
     * Each plan the unit follows whose period meets the report's, one section per task in the plan's order, from
     * {@code plan.TaskProgress} over the report's days; publications are named from the report's own facts, and the
     * contributions are the unit's with their day in the period.
     */
    private List<Report.PlanSection> planSections(Unit unit, ReportPeriod period, List<PublicationFact> facts,
                                                  Map<String, String> texts, @Nullable Reach reach) {
        Map<Long, PublicationFact> byId = new HashMap<>();
        facts.forEach(f -> byId.put(f.id(), f));
        Map<String, List<TaskProgress.Progress>> byPlan = new LinkedHashMap<>();
        tasksInPeriod(unit, period).forEach(p -> byPlan.computeIfAbsent(p.planCode(), k -> new ArrayList<>()).add(p));
        List<Report.PlanSection> sections = new ArrayList<>();
        for (Plan plan : plans.concerning(unit.code())) {
            if (!inPeriod(plan, period)) {
                continue;
            }
            List<TaskProgress.Progress> progressOfPlan = byPlan.getOrDefault(plan.code(), List.of());
            List<Report.TaskSection> tasks = progressOfPlan.stream()
                    .sorted(Comparator.comparingInt(p -> p.task().position()))
                    .map(p -> taskSection(unit, period, p, byId, texts)).toList();
            sections.add(new Report.PlanSection(plan.code(), plan.number(), plan.title(),
                    targetLines(plan, reach, progressOfPlan), tasks));
        }
        return sections;
    }

    /** The unit's tasks of the plans whose period meets the report's: a plan over or not begun is not reported on. */
    private List<TaskProgress.Progress> tasksInPeriod(Unit unit, ReportPeriod period) {
        Set<String> current = plans.concerning(unit.code()).stream().filter(plan -> inPeriod(plan, period))
                .map(Plan::code).collect(Collectors.toSet());
        return current.isEmpty() ? List.of() : progress.of(unit.code(), period.first(), period.last()).stream()
                .filter(p -> current.contains(p.planCode())).toList();
    }

    private static boolean inPeriod(Plan plan, ReportPeriod period) {
        return !plan.periodTo().isBefore(period.first()) && !plan.periodFrom().isAfter(period.last());
    }

    private Report.TaskSection taskSection(Unit unit, ReportPeriod period, TaskProgress.Progress p,
                                           Map<Long, PublicationFact> facts, Map<String, String> texts) {
        PlanTask task = p.task();
        List<Report.ContributionLine> done = contributions.of(p.planCode(), task.code()).stream()
                .filter(c -> c.unitCode().equals(unit.code()))
                .filter(c -> !c.doneOn().isBefore(period.first()) && !c.doneOn().isAfter(period.last()))
                .sorted(Comparator.comparing(ContributionRow::doneOn).thenComparing(ContributionRow::id))
                .map(c -> new Report.ContributionLine(c.doneOn(), c.organisation(), c.what(), c.place())).toList();
        String state = messages.getMessage("tstate." + p.state().name(), VIETNAMESE).orElse(p.state().name());
        return new Report.TaskSection(p.planCode(), task.code(), task.title(), task.lead(), task.coordinating(),
                task.deadline().text(), state, p.overdue(),
                p.outputs().stream().map(o -> new Report.OutputLine(o.output().text(), o.expected(), o.achieved(), o.met())).toList(),
                p.publicationIds().stream().map(facts::get).filter(java.util.Objects::nonNull).map(this::item).toList(),
                done, texts.get(p.planCode() + "/" + task.code()));
    }

    /** The residents the unit reached in the period, or null while its figures are not entered. */
    @Nullable
    private Reach reach(Unit unit, ReportPeriod period) {
        return engagements.reach(unit.code(), period.first(), period.last()).orElse(null);
    }

    /** The reach as every format prints it; nothing read back is "no data", not zero people. */
    private Report.ReachLine reachLine(Unit unit, @Nullable Reach reach) {
        if (reach == null || reach.parts().isEmpty()) {
            return new Report.ReachLine(unit.population(), unit.households(), null, null, List.of());
        }
        return new Report.ReachLine(unit.population(), unit.households(), reach.reached(), share(reach),
                reach.parts().stream().map(part -> new Report.ReachPart(part.type(),
                        messages.getMessage("ctype." + part.type().name(), VIETNAMESE).orElse(part.type().name()),
                        part.people(), basis(part))).toList());
    }

    private static String basis(Reach.Part part) {
        String measured = Letterhead.number(part.measured());
        return switch (part.metric()) {
            case HOUSEHOLDS_COVERED -> measured + " hộ nghe bản tin phủ rộng nhất";
            case UNIQUE_VIEWERS -> measured + " người xem bài được xem nhiều nhất";
            default -> measured + " lượt xem bài được xem nhiều nhất";
        };
    }

    /** "78,6%": the share of residents reached, one decimal, as Vietnamese writes it. */
    static String share(Reach reach) {
        return share(reach.permille());
    }

    private static String share(long permille) {
        return permille / 10 + "," + permille % 10 + "%";
    }

    /** The targets of the plans concerning the unit in the period, against its results. */
    private List<Report.TargetLine> targetsOf(Unit unit, ReportPeriod period, List<TaskProgress.Progress> tasks,
                                              @Nullable Reach reach) {
        List<Report.TargetLine> lines = new ArrayList<>();
        for (Plan plan : plans.concerning(unit.code())) {
            if (inPeriod(plan, period)) {
                lines.addAll(targetLines(plan, reach, tasks.stream().filter(t -> t.planCode().equals(plan.code())).toList()));
            }
        }
        return lines;
    }

    /**
     * Each target of the plan against the unit's results in the period: residents reached against the reach model's
     * share, a portal section against the plan's section outputs; the other measures are the unit's own to judge.
     */
    private static List<Report.TargetLine> targetLines(Plan plan, @Nullable Reach reach, List<TaskProgress.Progress> progress) {
        List<TaskProgress.OutputProgress> sections = progress.stream().flatMap(p -> p.outputs().stream())
                .filter(o -> o.output().kind() == PlanTask.OutputKind.SECTION).toList();
        List<Report.TargetLine> lines = new ArrayList<>();
        for (Plan.PlanTarget target : plan.targets()) {
            String achieved = null;
            Boolean met = null;
            String verdict = NOT_MEASURED;
            if (target.measure() == Plan.Measure.RESIDENTS_REACHED && target.goalPercent() != null) {
                verdict = Report.NO_DATA;
                if (reach != null && !reach.parts().isEmpty()) {
                    achieved = share(reach);
                    met = reach.reaches(target.goalPercent());
                }
            } else if (target.measure() == Plan.Measure.PORTAL_SECTION) {
                verdict = Report.NO_DATA;
                if (!sections.isEmpty()) {
                    achieved = sections.stream().map(o -> (o.met() ? "Có" : "Chưa có") + " chuyên mục «" + o.output().topic() + "»")
                            .collect(Collectors.joining("; "));
                    met = sections.stream().allMatch(TaskProgress.OutputProgress::met);
                }
            }
            if (met != null) {
                verdict = met ? "Đạt" : "Chưa đạt";
            }
            lines.add(new Report.TargetLine(target.code(), target.title(), target.goalPercent(), target.by(), achieved, met, verdict));
        }
        return lines;
    }

    /** The problems and proposals written for the unit's report of the period, by key. */
    private Map<String, String> texts(Unit unit, ReportPeriod period) {
        Map<String, String> texts = new HashMap<>();
        notes.findByUnitCodeAndPeriod(unit.code(), period.label())
                .forEach(n -> texts.put(n.planCode().isEmpty() ? ReportNotes.GENERAL : n.planCode() + "/" + n.taskCode(), n.text()));
        return texts;
    }

    /**
     * Each cadence rule over the ISO weeks touching the period (a week across the boundary is judged whole, in both
     * periods); only weeks that are over are judged, so a report made mid-period counts what has happened.
     */
    private List<Report.CadenceLine> cadenceLines(Unit unit, ReportPeriod period) {
        Calendar.GapReport gaps = calendar.gaps(unit.code(), period.first(), period.last());
        return gaps.compliance().stream().map(rule -> new Report.CadenceLine(rule.channelId(),
                channels.find(rule.channelId()).map(c -> c.name()).orElse(rule.channelId()), rule.perWeek(),
                rule.weeksMet() + rule.weeksMissed(), rule.weeksMet(),
                gaps.gaps().stream().filter(gap -> gap.state() == GapState.MISSED && gap.channelId().equals(rule.channelId()))
                        .map(Calendar.Gap::week).toList())).toList();
    }

    /**
     * Each campaign's slots that fall in the period, per channel: a campaign that crosses the period's boundary is
     * counted in each period for the slots it has there.
     */
    private List<Report.CampaignLine> campaignLines(Unit unit, ReportPeriod period) {
        Instant from = start(period, unit.zoneId());
        Instant to = end(period, unit.zoneId());
        List<Report.CampaignLine> lines = new ArrayList<>();
        for (CampaignView campaign : campaigns.list(unit.code(), null)) {
            if (campaign.windowEnd().isBefore(period.first()) || campaign.windowStart().isAfter(period.last())) {
                continue;
            }
            for (CampaignView.ChannelSlots channel : campaign.channels()) {
                List<CampaignView.Slot> inPeriod = Stream.of(channel.scheduled(), channel.published(),
                                channel.empty(), channel.missed()).flatMap(List::stream)
                        .filter(slot -> !slot.plannedAt().toInstant().isBefore(from) && slot.plannedAt().toInstant().isBefore(to))
                        .toList();
                if (!inPeriod.isEmpty()) {
                    lines.add(new Report.CampaignLine(campaign.id(), campaign.name(), channel.channelId(), channel.channelName(),
                            inPeriod.size(), (int) inPeriod.stream().filter(s -> s.status() == SlotStatus.PUBLISHED).count()));
                }
            }
        }
        lines.sort(Comparator.comparing(Report.CampaignLine::campaign).thenComparing(Report.CampaignLine::channelId));
        return lines;
    }

    /** The periods a person picks from, per kind: the one due next (on or after today) first, then earlier ones. */
    public Map<ReportPeriod.Kind, List<ReportPeriod>> choices(@Nullable String unitCode) {
        Unit unit = unit(unitCode);
        LocalDate today = LocalDate.now(clock.withZone(unit.zoneId()));
        Map<ReportPeriod.Kind, List<ReportPeriod>> choices = new LinkedHashMap<>();
        for (ReportPeriod.Kind kind : ReportPeriod.Kind.values()) {
            List<ReportPeriod> periods = new ArrayList<>();
            ReportPeriod period = ReportPeriod.dueOnOrAfter(kind, today, config.boundaries());
            for (int i = 0; i < CHOICES.get(kind); i++) {
                periods.add(period);
                period = period.previous(config.boundaries());
            }
            choices.put(kind, periods);
        }
        return choices;
    }

    /** The reports due within the reminder days, soonest first. */
    public List<Reminder> reminders(String unitCode) {
        Unit unit = unit(unitCode);
        LocalDate today = LocalDate.now(clock.withZone(unit.zoneId()));
        List<Reminder> reminders = new ArrayList<>();
        for (ReportPeriod.Kind kind : ReportPeriod.Kind.values()) {
            ReportPeriod period = ReportPeriod.dueOnOrAfter(kind, today, config.boundaries());
            long daysLeft = ChronoUnit.DAYS.between(today, period.due());
            if (daysLeft <= config.reminderDays()) {
                reminders.add(new Reminder(period, "Báo cáo " + period.title(), period.due(), daysLeft,
                        "/reports?unit=" + unit.code() + "&period=" + period.label()));
            }
        }
        reminders.sort(Comparator.comparing(Reminder::due));
        return reminders;
    }

    /** The child units of {@code parentCode} side by side over the period. */
    public Overview overview(String parentCode, String periodLabel, Overview.Sort sort, boolean descending) {
        Unit parent = unit(parentCode);
        ReportPeriod period = period(periodLabel);
        List<Unit> children = units.list().stream().filter(u -> parent.code().equals(u.parentCode())).toList();
        if (children.isEmpty()) {
            throw Refusal.invalid("unit", RefusalCode.UNIT_WITHOUT_CHILDREN, parent.name());
        }
        ZoneId zone = parent.zoneId();
        Map<String, ReportFacts.UnitCounts> counts = facts.unitCounts(children.stream().map(Unit::code).toList(),
                start(period, zone), end(period, zone));
        List<Overview.Row> rows = children.stream().map(child -> {
            ReportFacts.UnitCounts count = counts.getOrDefault(child.code(), ReportFacts.UnitCounts.NONE);
            List<Report.CadenceLine> cadence = cadenceLines(child, period);
            int checked = cadence.stream().mapToInt(Report.CadenceLine::weeksChecked).sum();
            int met = cadence.stream().mapToInt(Report.CadenceLine::weeksMet).sum();
            List<TaskProgress.Progress> tasks = tasksInPeriod(child, period);
            List<TaskProgress.OutputProgress> measurable = tasks.stream().flatMap(t -> t.outputs().stream())
                    .filter(o -> o.expected() != null).toList();
            Reach reach = reach(child, period);
            Report.ReachLine reachLine = reachLine(child, reach);
            List<Report.TargetLine> targets = targetsOf(child, period, tasks, reach);
            return new Overview.Row(child.code(), child.name(), checked == 0 ? null : Math.round(100f * met / checked),
                    checked - met, count.published(), count.pausedChannels(), count.needsAttention(),
                    (int) measurable.stream().filter(TaskProgress.OutputProgress::met).count(), measurable.size(),
                    (int) targets.stream().filter(t -> Boolean.TRUE.equals(t.met())).count(),
                    (int) targets.stream().filter(t -> t.met() != null).count(),
                    (int) tasks.stream().filter(TaskProgress.Progress::overdue).count(), child.population(), child.households(),
                    reachLine.reached(), reachLine.share());
        }).sorted(sort.order(descending)).toList();
        List<Overview.Row> counted = rows.stream().filter(r -> r.reached() != null).toList();
        long population = counted.stream().mapToLong(Overview.Row::population).sum();
        long reached = counted.stream().mapToLong(Overview.Row::reached).sum();
        Overview.ReachTotal total = new Overview.ReachTotal(population, reached,
                population == 0 ? null : share(Math.round(reached * 1000.0 / population)), counted.size(), rows.size());
        return new Overview(line(parent), period, clock.instant(), sort, descending, rows, total);
    }

    /** The unit a request names, or the caller's own; a province reads its communes, a commune only itself. */
    Unit unit(@Nullable String code) {
        return access.unit(code, "unit");
    }

    private Report.UnitLine line(Unit unit) {
        return new Report.UnitLine(unit.code(), unit.name(), unit.zone(),
                unit.parentCode() == null ? null : units.find(unit.parentCode()).map(Unit::name).orElse(null));
    }

    static Instant start(ReportPeriod period, ZoneId zone) {
        return period.first().atStartOfDay(zone).toInstant();
    }

    static Instant end(ReportPeriod period, ZoneId zone) {
        return period.last().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private Report.Failure failure(PublicationFact fact) {
        Report.Ending ending = switch (fact.status()) {
            case PUBLISHED -> Report.Ending.SENT_LATER;
            case EXPIRED -> Report.Ending.EXPIRED;
            case CANCELLED -> Report.Ending.CANCELLED;
            default -> Report.Ending.WAITING;
        };
        return new Report.Failure(fact.id(), fact.title(), fact.channelName(), fact.plannedAt(), ending,
                ENDING_LABELS.get(ending), fact.lastError());
    }

    /** What went out for real per kind of channel, in the order of {@link ChannelType}, by the bundle's names. */
    private List<Report.Count> byChannelType(List<PublicationFact> published) {
        Map<ChannelType, Integer> counts = new EnumMap<>(ChannelType.class);
        published.forEach(fact -> counts.merge(fact.channelType(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new Report.Count(e.getKey().name(),
                messages.getMessage("ctype." + e.getKey().name(), VIETNAMESE).orElse(e.getKey().name()), e.getValue()))
                .toList();
    }

    /** Counts per facet value, most first, then by label; a piece with two topics counts for each. */
    private static List<Report.Count> counts(List<PublicationFact> facts, Function<PublicationFact, List<String>> facet,
                                             Function<String, String> label) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (PublicationFact fact : facts) {
            for (String value : facet.apply(fact)) {
                counts.merge(value, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new Report.Count(e.getKey(), label.apply(e.getKey()), e.getValue()))
                .sorted(Comparator.comparing(Report.Count::count).reversed().thenComparing(Report.Count::label))
                .toList();
    }
}
