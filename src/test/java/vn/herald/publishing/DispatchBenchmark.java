package vn.herald.publishing;

import vn.herald.Postgres;
import vn.herald.bench.Summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dispatch throughput and due-to-sent lag against a local fake platform (5 ms per answer). Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.publishing.DispatchBenchmark
 * <h2|postgres> <instances> <publications> [runs]} (burst: all scheduled first, then every dispatcher started, so
 * all fall due at once), or {@code ... steady <h2|postgres> <per second> <seconds> [runs]} (publications planned
 * one after the other at that rate, the dispatchers already running). {@code -Dbench.polling=500ms} sets the
 * polling interval (the service's default; the burst runs use 100 ms), {@code -Dbench.threads=32} the dispatch
 * threads per instance (the service's default), {@code -Dbench.inflight=2} the sends one channel may have in flight
 * per instance (the service's default), {@code -Dbench.channels=50} how many channels the publications are spread
 * over in turn (default 1), {@code -Dbench.processes=true} runs the instances of a burst as separate JVMs (on
 * PostgreSQL; this JVM then only schedules, counts and serves the fake platform), {@code -Dbench.delay=5} the
 * platform's answer time in ms. On H2 the database's own query statistics count the SQL statements per publication
 * ({@code -Dbench.statements=true} also lists each statement's text); on PostgreSQL its counters give transactions
 * and row writes.
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        // publications planned now expire at the end of the day in Hanoi: a run across midnight there measures expiry
        if (java.time.LocalTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).isAfter(java.time.LocalTime.of(23, 30))) {
            throw new IllegalStateException("run outside 23:30-24:00 in Hanoi (16:30-17:00 UTC): the publications would expire");
        }
        if (args.length > 0 && args[0].equals("steady")) {
            steadyRuns(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 1);
        } else {
            burstRuns(args.length > 0 ? args[0] : "h2", args.length > 1 ? Integer.parseInt(args[1]) : 1,
                    args.length > 2 ? Integer.parseInt(args[2]) : 2000, args.length > 3 ? Integer.parseInt(args[3]) : 1);
        }
        System.exit(0);
    }

    static void burstRuns(String database, int instances, int publications, int runs) throws Exception {
        Summary perSecond = new Summary(database + " x" + instances + ", " + publications + " at once: publications per second", "/s");
        Summary p50 = new Summary("lag p50", "ms");
        Summary p99 = new Summary("lag p99", "ms");
        for (int i = 0; i < runs; i++) {
            DispatchCluster.Figures figures = burst(database, instances, publications, Integer.getInteger("bench.channels", 1),
                    Boolean.getBoolean("bench.processes"));
            perSecond.add(figures.perSecond());
            p50.add(figures.lagP50().toMillis());
            p99.add(figures.lagP99().toMillis());
        }
        System.out.println("RESULT " + perSecond);
        System.out.println("RESULT " + p50);
        System.out.println("RESULT " + p99);
    }

    /**
     * One burst run over {@code channels} channels, its instances in this JVM or {@code separate} processes; prints
     * its figures and the database's work per publication.
     */
    static DispatchCluster.Figures burst(String database, int instances, int publications, int channels, boolean separate)
            throws Exception {
        Map<String, String> settings = settings(database, instances);
        try (DispatchCluster cluster = new DispatchCluster(settings, Integer.getInteger("bench.threads", 32))
                .spreadOver(channels).start(separate ? 1 : instances)) {
            if (separate) {
                cluster.startProcesses(instances);
            }
            cluster.platform.delay(Integer.getInteger("bench.delay", 5));
            cluster.scheduleAll(java.util.Collections.nCopies(publications, Instant.now()), 4);
            Map<String, Long> before = databaseWork(settings);
            long cpuBefore = processCpuNanos() + cluster.processesCpu().toNanos();
            Instant started = cluster.startDispatchers();
            if (!cluster.awaitPublished(publications, Duration.ofMinutes(20))) {
                throw new IllegalStateException("only " + cluster.published() + " published");
            }
            double cpuMillisEach = (processCpuNanos() + cluster.processesCpu().toNanos() - cpuBefore) / 1e6 / publications;
            DispatchCluster.Figures figures = cluster.figures(started);
            System.out.println("run " + database + " x" + instances + (separate ? " processes" : "") + " over " + channels
                    + " channel(s): " + figures);
            // CPU of the JVMs (dispatchers, fake platform and, on H2, the database) per publication: what bounds the
            // rate on an idle machine, whatever else was running during the measurement
            System.out.printf(java.util.Locale.ROOT, "    CPU of the JVMs per publication: %.2f ms (ceiling on %d idle cores: %.0f per second)%n",
                    cpuMillisEach, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / cpuMillisEach);
            System.out.println("    database work per publication: " + perPublication(before, databaseWork(settings), publications));
            return figures;
        }
    }

    static void steadyRuns(String database, int perSecond, int seconds, int runs) throws Exception {
        Summary p50 = new Summary(database + " steady " + perSecond + "/s for " + seconds + " s: lag p50", "ms");
        Summary p99 = new Summary("lag p99", "ms");
        Summary max = new Summary("lag max", "ms");
        for (int i = 0; i < runs; i++) {
            DispatchCluster.Figures figures = steady(database, perSecond, seconds);
            p50.add(figures.lagP50().toMillis());
            p99.add(figures.lagP99().toMillis());
            max.add(figures.lagMax().toMillis());
        }
        System.out.println("RESULT " + p50);
        System.out.println("RESULT " + p99);
        System.out.println("RESULT " + max);
    }

    /**
     * Publications planned one every {@code 1/perSecond} s, starting once all are scheduled, on one running instance:
     * the lag of each is from its planned instant.
     */
    static DispatchCluster.Figures steady(String database, int perSecond, int seconds) throws Exception {
        Map<String, String> settings = settings(database, 1);
        try (DispatchCluster cluster = new DispatchCluster(settings, Integer.getInteger("bench.threads", 32)).start(1)) {
            cluster.platform.delay(Integer.getInteger("bench.delay", 5));
            int count = perSecond * seconds;
            // planned far enough ahead that scheduling them all is over before the first falls due
            Instant first = Instant.now().plusSeconds(20 + count / 40);
            long stepNanos = 1_000_000_000L / perSecond;
            List<Instant> instants = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                instants.add(first.plusNanos(i * stepNanos));
            }
            cluster.scheduleAll(instants, 4);
            if (Instant.now().isAfter(first)) {
                throw new IllegalStateException("scheduling took longer than planned: the run would be a burst");
            }
            cluster.startDispatchers();
            if (!cluster.awaitPublished(count, Duration.ofSeconds(seconds + 300))) {
                throw new IllegalStateException("only " + cluster.published() + " published");
            }
            DispatchCluster.Figures figures = cluster.figures(first);
            System.out.println("run steady " + perSecond + "/s on " + database + ": " + figures);
            return figures;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<String, String> settings(String database, int instances) throws Exception {
        Map<String, String> settings = new HashMap<>();
        if (database.equals("postgres")) {
            settings.putAll(Postgres.freshDatabase());
        } else if (database.equals("h2")) {
            if (instances != 1) {
                throw new IllegalArgumentException("the embedded H2 serves one instance");
            }
            // the service's default: a file database that writes every commit through (WRITE_DELAY=0)
            Path folder = Files.createTempDirectory("herald-bench-h2");
            settings.put("datasources.default.url", "jdbc:h2:file:" + folder.resolve("herald")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
        } else {
            throw new IllegalArgumentException("database is h2 or postgres, not " + database);
        }
        String inFlight = System.getProperty("bench.inflight");
        if (inFlight != null) {
            settings.put("herald.publishing.max-in-flight-per-channel", inFlight);
        }
        String polling = System.getProperty("bench.polling");
        if (polling != null) {
            settings.put("herald.publishing.polling-interval", polling);
        }
        return settings;
    }

    /** Counters of the database's work so far: SQL statements (H2), or transactions and row operations (PostgreSQL). */
    private static Map<String, Long> databaseWork(Map<String, String> settings) throws SQLException {
        String url = settings.get("datasources.default.url");
        Map<String, Long> work = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(url, settings.getOrDefault("datasources.default.username", "sa"),
                settings.getOrDefault("datasources.default.password", ""));
             Statement statement = connection.createStatement()) {
            if (url.startsWith("jdbc:h2:")) {
                statement.execute("set query_statistics true");
                statement.execute("set query_statistics_max_entries 1000");
                try (ResultSet rows = statement.executeQuery("select sql_statement, execution_count from information_schema.query_statistics")) {
                    while (rows.next()) {
                        work.merge(kind(rows.getString(1)), rows.getLong(2), Long::sum);
                        if (Boolean.getBoolean("bench.statements")) {
                            work.merge("  " + rows.getString(1).replaceAll("\\s+", " "), rows.getLong(2), Long::sum);
                        }
                    }
                }
            } else {
                try (ResultSet rows = statement.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated, "
                        + "tup_deleted, tup_fetched from pg_stat_database where datname = current_database()")) {
                    rows.next();
                    for (String column : new String[] {"xact_commit", "xact_rollback", "tup_inserted", "tup_updated", "tup_deleted", "tup_fetched"}) {
                        work.put(column, rows.getLong(column));
                    }
                }
            }
        }
        return work;
    }

    /** A statement's kind and table, e.g. "update publication", so the counts say where the work goes. */
    private static String kind(String sql) {
        String[] words = sql.trim().toLowerCase().replaceAll("[\"`]", "").split("\\s+");
        String verb = words[0];
        String table = "";
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("from") || words[i].equals("into") || (verb.equals("update") && i == 0)) {
                table = words[i + 1];
                break;
            }
        }
        return verb + " " + table.replaceAll("[^a-z_].*", "");
    }

    private static String perPublication(Map<String, Long> before, Map<String, Long> after, int publications) {
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (delta >= publications / 10) {
                double each = (double) delta / publications;
                total += entry.getKey().startsWith("tup_") || entry.getKey().startsWith("xact") || entry.getKey().startsWith(" ") ? 0 : each;
                out.append(String.format(java.util.Locale.ROOT, "%s %.2f; ", entry.getKey(), each));
            }
        }
        return (total > 0 ? String.format(java.util.Locale.ROOT, "%.1f SQL statements: ", total) : "") + out;
    }
}
