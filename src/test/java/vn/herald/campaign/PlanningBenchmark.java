package vn.herald.campaign;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import vn.herald.Postgres;
import vn.herald.TestClock;
import vn.herald.calendar.Calendar;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * National-scale campaign planning: the year's three national-day campaigns launched and filled for every commune
 * of Vietnam, then the cadence check of every commune over the year. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.campaign.PlanningBenchmark <h2|h2file|postgres> 3321 3}
 * (database, communes, repetitions). PlanningBenchmarkSmokeTest runs it small in every build.
 *
 * <p>The scenario. A fresh database per repetition (H2 in memory, H2 in a file with the service's settings, or a
 * new PostgreSQL database), migrated, with the seed library and channels imported as at start. Then, untimed:
 * {@value #PROVINCES} provinces and N communes under them (3,321 is every commune and ward after the 2025
 * reorganisation), each commune with four channels copied from the sample commune's channel files (portal,
 * Facebook and Zalo in dry-run, loudspeaker with two sessions a day Monday to Saturday) and, for each of the three
 * templates in content/campaigns, three approved articles and two approved radio scripts carrying its tag. No
 * publishing history: every past week misses its rule, which costs the check the same queries as a met one.
 *
 * <p>Timed, (a) the sweeps: the clock is set to 00:30 in Hanoi on the day each window opens (2027-05-08 for 18/5,
 * 2027-09-21 for 1/10, 2027-09-26 for 10/10) and {@link CampaignLauncher#sweep()} runs once at each: it launches
 * the opened template for every unit (provinces too, which have no channels and so no slots), plans the slots and
 * fills them, and fills the campaigns still running (1/10 again at the third). (b) The cadence check:
 * {@link Calendar#gaps} of every commune over 2027, at the last clock. Each repetition prints its figures, then
 * {@code RESULT} lines give min, median and max over the repetitions, with the counts that make them checkable.
 * The CPU time of the whole process is given too, since the sweep works on several threads (on H2 in memory it
 * includes the database's work, on PostgreSQL not the server's): it depends far less on other load than the wall
 * time. The sweep's threads are {@code herald.campaign.sweep-threads} (a system property sets them). With
 * {@code -Dbench.statements=true} on H2 it also prints the statements each phase ran, by count.
 */
public final class PlanningBenchmark {

    static final int PROVINCES = 34;
    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The days the three national-day windows open in 2027, in the order the sweeps meet them. */
    static final List<LocalDate> OPENINGS = List.of(LocalDate.parse("2027-05-08"), LocalDate.parse("2027-09-21"),
            LocalDate.parse("2027-09-26"));

    /** What one repetition took and made. */
    record Run(Duration sweeps, Duration gaps, Duration sweepsCpu, Duration gapsCpu, Map<String, Long> counts) {
        Duration total() {
            return sweeps.plus(gaps);
        }
    }

    private PlanningBenchmark() {}

    public static void main(String[] args) {
        String database = args.length > 0 ? args[0] : "h2";
        int communes = args.length > 1 ? Integer.parseInt(args[1]) : 3321;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean statements = Boolean.getBoolean("bench.statements");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            Run run = run(database(database), communes, statements);
            System.out.printf("run %d: sweeps %d ms (CPU %d ms), gaps %d ms (CPU %d ms), total %d ms, %s%n", i + 1,
                    run.sweeps().toMillis(), run.sweepsCpu().toMillis(), run.gaps().toMillis(), run.gapsCpu().toMillis(),
                    run.total().toMillis(), run.counts());
            runs.add(run);
        }
        String head = "RESULT " + database + " " + communes + " communes, " + repetitions + " runs: ";
        System.out.println(head + figure("(a) sweeps launching and filling the year", runs, Run::sweeps));
        System.out.println(head + figure("(b) cadence check of every commune", runs, Run::gaps));
        System.out.println(head + figure("total", runs, Run::total));
        System.out.println(head + figure("CPU of the process in (a)", runs, Run::sweepsCpu));
        System.out.println(head + figure("CPU of the process in (b)", runs, Run::gapsCpu));
        System.out.println(head + "counts " + runs.get(runs.size() - 1).counts());
        System.exit(0);
    }

    /** Fresh datasource settings for one repetition. */
    static Map<String, String> database(String kind) {
        String options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        return switch (kind) {
            case "postgres" -> Postgres.freshDatabase();
            case "h2file" -> Map.of("datasources.default.url", "jdbc:h2:file:./target/planning-bench/" + UUID.randomUUID()
                    + "/herald" + options + ";WRITE_DELAY=0");
            // no DB_CLOSE_DELAY: the database is dropped when its pool closes, so repetitions do not pile up in the heap
            case "h2" -> Map.of("datasources.default.url", "jdbc:h2:mem:" + UUID.randomUUID() + options);
            default -> throw new IllegalArgumentException("database is h2, h2file or postgres, not " + kind);
        };
    }

    static Run run(Map<String, String> database, int communes, boolean statements) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("herald.test.clock", "true");
        properties.put("herald.publishing.scheduler-enabled", "false");
        properties.put("herald.upstream.enabled", "false");
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
            NationData.generate(transactions, Math.min(PROVINCES, communes), communes);
            TestClock clock = context.getBean(TestClock.class);
            CampaignLauncher launcher = context.getBean(CampaignLauncher.class);
            Calendar calendar = context.getBean(Calendar.class);
            Statistics stats = new Statistics(transactions, statements);

            stats.start();
            long cpu = processCpu();
            long started = System.nanoTime();
            for (LocalDate opening : OPENINGS) {
                clock.set(at(opening));
                launcher.sweep();
            }
            Duration sweeps = Duration.ofNanos(System.nanoTime() - started);
            Duration sweepsCpu = Duration.ofNanos(processCpu() - cpu);
            stats.print("sweeps");

            stats.start();
            long gapsFound = 0;
            cpu = processCpu();
            started = System.nanoTime();
            for (int c = 1; c <= communes; c++) {
                gapsFound += calendar.gaps(NationData.commune(c), LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"))
                        .gaps().size();
            }
            Duration gaps = Duration.ofNanos(System.nanoTime() - started);
            Duration gapsCpu = Duration.ofNanos(processCpu() - cpu);
            stats.print("gaps");

            Map<String, Long> counts = counts(transactions);
            counts.put("gaps", gapsFound);
            return new Run(sweeps, gaps, sweepsCpu, gapsCpu, counts);
        }
    }

    /** CPU time of the whole process: the sweep works on several threads, and on H2 in memory the database is in it. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static Instant at(LocalDate day) {
        return LocalDateTime.of(day, java.time.LocalTime.of(0, 30)).atZone(HANOI).toInstant();
    }

    /** Counts over the communes' own rows (the sample commune and the provinces left out). */
    static Map<String, Long> counts(TransactionOperations<Connection> transactions) {
        String communes = "(select code from unit where parent_code like 'tinh-%')";
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("instances", "select count(*) from campaign where unit_code in " + communes);
        queries.put("slots", "select count(*) from campaign_slot s join campaign c on c.id = s.campaign_id where c.unit_code in " + communes);
        queries.put("slotsFilled", "select count(*) from campaign_slot s join campaign c on c.id = s.campaign_id where "
                + "s.publication_id is not null and c.unit_code in " + communes);
        queries.put("publications", "select count(*) from publication where created_by = '" + CampaignLauncher.ACTOR
                + "' and unit_code in " + communes);
        return transactions.executeRead(status -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            try (Statement statement = status.getConnection().createStatement()) {
                for (Map.Entry<String, String> query : queries.entrySet()) {
                    try (ResultSet row = statement.executeQuery(query.getValue())) {
                        row.next();
                        counts.put(query.getKey(), row.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return counts;
        });
    }

    private static String figure(String what, List<Run> runs, Function<Run, Duration> of) {
        List<Duration> times = new ArrayList<>(runs.stream().map(of).toList());
        times.sort(null);
        return String.format("%-45s min %6d ms  median %6d ms  max %6d ms", what, times.get(0).toMillis(),
                times.get(times.size() / 2).toMillis(), times.get(times.size() - 1).toMillis());
    }

    /** H2's own count of the statements run, by text, when asked for; PostgreSQL and a plain run skip it. */
    private record Statistics(TransactionOperations<Connection> transactions, boolean wanted) {

        void start() {
            execute(statement -> {
                statement.execute("set query_statistics false");
                statement.execute("set query_statistics_max_entries 5000");
                statement.execute("set query_statistics true");
                return null;
            });
        }

        void print(String phase) {
            List<String> lines = execute(statement -> {
                List<String> found = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select execution_count, cumulative_execution_time, sql_statement "
                        + "from information_schema.query_statistics order by execution_count desc limit 25")) {
                    while (rows.next()) {
                        String sql = rows.getString(3).replaceAll("\\s+", " ");
                        found.add(String.format("%9d  %8.0f ms  %s", rows.getLong(1), rows.getDouble(2),
                                sql.length() > 150 ? sql.substring(0, 150) : sql));
                    }
                }
                return found;
            });
            if (lines != null) {
                System.out.println("statements of " + phase + " (count, time in H2, sql):");
                lines.forEach(System.out::println);
            }
        }

        private <T> T execute(SqlWork<T> work) {
            if (!wanted) {
                return null;
            }
            return transactions.executeWrite(status -> {
                try (Statement statement = status.getConnection().createStatement()) {
                    return status.getConnection().getMetaData().getURL().startsWith("jdbc:h2:") ? work.run(statement) : null;
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private interface SqlWork<T> {
        T run(Statement statement) throws SQLException;
    }
}
