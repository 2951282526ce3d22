package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import vn.herald.channel.ChannelType;
import vn.herald.support.Folding;
import vn.herald.unit.Units;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How far each task of a unit's plans got in a period: each measurable output's expected and achieved counts, the
 * publications that serve the task, the contributions recorded for it, its state and whether it is overdue. The read
 * API the reports and the reach figures build on; the period is given as days in the unit's zone (a report's
 * {@code ReportPeriod.first()} and {@code last()}). See docs/plans.md for the rules.
 */
@Singleton
public class TaskProgress {

    private final Plans plans;
    private final TaskLinks links;
    private final ContributionRepository contributions;
    private final Units units;
    private final TransactionOperations<Connection> transactions;
    private final JsonMapper json;
    private final java.time.Clock clock;

    TaskProgress(Plans plans, TaskLinks links, ContributionRepository contributions, Units units,
                 TransactionOperations<Connection> transactions, JsonMapper json, java.time.Clock clock) {
        this.plans = plans;
        this.links = links;
        this.contributions = contributions;
        this.units = units;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** One expected output against the period: {@code expected} and {@code achieved} are null for free text. */
    @Serdeable
    public record OutputProgress(PlanTask.ExpectedOutput output, @Nullable Integer expected, @Nullable Integer achieved,
                                 boolean met) {}

    /** One task of one plan for one unit in the period. */
    @Serdeable
    public record Progress(String planCode, String planNumber, PlanTask task, TaskState state, boolean overdue,
                           List<OutputProgress> outputs, List<Long> publicationIds, int contributions) {}

    /** A published item as the arithmetic sees it: its channel type, its piece's topics and the day it went out. */
    record Item(long publicationId, ChannelType channel, List<String> topics, LocalDate day) {}

    /** Every task of every plan concerning the unit (its own and its province's), for the days first..last. */
    public List<Progress> of(String unitCode, LocalDate first, LocalDate last) {
        List<Plan> concerning = plans.concerning(unitCode);
        if (concerning.isEmpty()) {
            return List.of();
        }
        ZoneId zone = units.zoneOf(unitCode);
        List<Item> published = published(unitCode, first, last, zone);
        Map<Long, TaskRef> tasks = links.resolve(published.stream().map(Item::publicationId).toList());
        Set<String> sectionTopics = liveTopics(unitCode, last, zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Progress> result = new ArrayList<>();
        for (Plan plan : concerning) {
            Map<String, TaskStateRow> marked = plans.marked(plan.code(), unitCode);
            Map<String, List<LocalDate>> contributed = new HashMap<>();
            contributions.findByPlanCodeAndUnitCodeAndDoneOnBetween(plan.code(), unitCode, first, last)
                    .forEach(c -> contributed.computeIfAbsent(c.taskCode(), k -> new ArrayList<>()).add(c.doneOn()));
            for (PlanTask task : plan.tasks()) {
                TaskRef ref = new TaskRef(plan.code(), task.code());
                List<Item> serving = published.stream().filter(i -> ref.equals(tasks.get(i.publicationId()))).toList();
                List<LocalDate> days = contributed.getOrDefault(task.code(), List.of());
                TaskStateRow state = marked.get(task.code());
                result.add(new Progress(plan.code(), plan.number(), task,
                        state == null ? TaskState.NOT_STARTED : state.state(), Plans.overdue(task, state, today),
                        measure(task, serving, days, sectionTopics, first, last),
                        serving.stream().map(Item::publicationId).toList(), days.size()));
            }
        }
        return result;
    }

    /**
     * The arithmetic, without a database: {@code serving} are the task's published items in the period,
     * {@code contributed} the days of its contributions, {@code liveTopics} the folded topics the unit's portal has
     * articles on.
     */
    static List<OutputProgress> measure(PlanTask task, List<Item> serving, List<LocalDate> contributed,
                                        Set<String> liveTopics, LocalDate first, LocalDate last) {
        List<OutputProgress> result = new ArrayList<>();
        for (PlanTask.ExpectedOutput output : task.outputs()) {
            result.add(switch (output.kind()) {
                case TEXT -> new OutputProgress(output, null, null, false);
                case SECTION -> {
                    boolean live = liveTopics.contains(Folding.fold(output.topic()).strip());
                    yield new OutputProgress(output, 1, live ? 1 : 0, live);
                }
                case PUBLICATIONS -> counted(output, serving.stream()
                        .filter(i -> i.channel() == output.channel())
                        .filter(i -> output.topic() == null || folded(i.topics()).contains(Folding.fold(output.topic()).strip()))
                        .map(Item::day).toList(), first, last);
                case CONTRIBUTIONS -> counted(output, contributed, first, last);
            });
        }
        return result;
    }

    /** Per WEEK or MONTH: how many of the weeks (months) touching the period had at least {@code atLeast}; else a count. */
    private static OutputProgress counted(PlanTask.ExpectedOutput output, List<LocalDate> days, LocalDate first, LocalDate last) {
        PlanTask.Per per = output.per() == null ? PlanTask.Per.PERIOD : output.per();
        if (per == PlanTask.Per.PERIOD) {
            return new OutputProgress(output, output.atLeast(), days.size(), days.size() >= output.atLeast());
        }
        Function<LocalDate, LocalDate> span = per == PlanTask.Per.WEEK
                ? day -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                : day -> YearMonth.from(day).atDay(1);
        Set<LocalDate> spans = new LinkedHashSet<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            spans.add(span.apply(day));
        }
        Map<LocalDate, Integer> counts = new HashMap<>();
        days.forEach(day -> counts.merge(span.apply(day), 1, Integer::sum));
        int met = (int) spans.stream().filter(s -> counts.getOrDefault(s, 0) >= output.atLeast()).count();
        return new OutputProgress(output, spans.size(), met, met == spans.size());
    }

    private static Set<String> folded(List<String> topics) {
        Set<String> result = new LinkedHashSet<>();
        topics.forEach(t -> result.add(Folding.fold(t).strip()));
        return result;
    }

    private List<Item> published(String unitCode, LocalDate first, LocalDate last, ZoneId zone) {
        String sql = """
                select p.id, c.type, pc.topics, p.planned_at
                from publication p
                join piece pc on pc.id = p.piece_id
                join channel c on c.id = p.channel_id
                where p.unit_code = ? and p.status = 'PUBLISHED' and p.dry_run_request is null
                  and p.planned_at >= ? and p.planned_at < ?
                order by p.planned_at, p.id""";
        return query(sql, unitCode, first.atStartOfDay(zone).toOffsetDateTime(),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), rows -> {
                    List<Item> items = new ArrayList<>();
                    while (rows.next()) {
                        items.add(new Item(rows.getLong(1), ChannelType.valueOf(rows.getString(2)), topics(rows.getString(3)),
                                rows.getObject(4, OffsetDateTime.class).atZoneSameInstant(zone).toLocalDate()));
                    }
                    return items;
                });
    }

    /** The topics the unit's built-in portal has at least one published article on by the period's end, folded. */
    private Set<String> liveTopics(String unitCode, LocalDate last, ZoneId zone) {
        String sql = """
                select distinct pc.topics
                from publication p
                join piece pc on pc.id = p.piece_id
                join channel c on c.id = p.channel_id
                where p.unit_code = ? and c.type = 'EPORTAL' and p.status = 'PUBLISHED' and p.dry_run_request is null
                  and p.planned_at >= ? and p.planned_at < ?""";
        return query(sql, unitCode, OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                last.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), rows -> {
                    Set<String> topics = new LinkedHashSet<>();
                    while (rows.next()) {
                        topics.addAll(folded(topics(rows.getString(1))));
                    }
                    return topics;
                });
    }

    private interface Reader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, String unitCode, OffsetDateTime from, OffsetDateTime to, Reader<T> reader) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                statement.setString(1, unitCode);
                statement.setObject(2, from);
                statement.setObject(3, to);
                try (ResultSet rows = statement.executeQuery()) {
                    return reader.read(rows);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not read the publications of " + unitCode, e);
            }
        });
    }

    private List<String> topics(String column) {
        try {
            return column == null ? List.of() : json.readValue(column, Argument.listOf(String.class));
        } catch (IOException e) {
            return List.of();
        }
    }
}
