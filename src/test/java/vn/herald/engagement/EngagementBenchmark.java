package vn.herald.engagement;

import io.micronaut.context.ApplicationContext;
import io.micronaut.transaction.TransactionOperations;
import vn.herald.Postgres;
import vn.herald.TestChannels;
import vn.herald.TestClock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One night's engagement collection for N communes with four channels each (built-in portal, Facebook Page, Zalo OA,
 * loudspeakers), 28 days of publications, against platforms answering at once ({@link InstantPlatform}): how long
 * Herald itself takes to plan and run the night. The clock is driven: each pass runs at once, then the clock moves to
 * the next call the pacing allows, until every run is done. Not a test; run with
 * {@code java -cp $CP vn.herald.engagement.EngagementBenchmark <h2|postgres> 3321 3} (database, communes, nights).
 * EngagementBenchmarkSmokeTest runs it small in every build.
 */
public final class EngagementBenchmark {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    /** The first night collected; the publications are the 28 days before it. */
    static final LocalDate FIRST_NIGHT = LocalDate.parse("2027-06-01");
    private static final String[] TYPES = {"EPORTAL", "FACEBOOK_PAGE", "ZALO_OA", "LOUDSPEAKER"};
    /** Publications per week on each channel type, as a busy commune posts. */
    private static final int[] PER_WEEK = {3, 5, 2, 2};
    private static final String LOUDSPEAKER = "{\"delivery\":\"file-drop\",\"dropFolder\":\"loa\",\"stations\":["
            + "{\"code\":\"thon-1\",\"name\":\"Thôn 1\",\"households\":310},{\"code\":\"thon-2\",\"name\":\"Thôn 2\",\"households\":275},"
            + "{\"code\":\"thon-3\",\"name\":\"Thôn 3\",\"households\":190}],\"sessions\":[{\"days\":[\"MON\",\"TUE\",\"WED\",\"THU\","
            + "\"FRI\",\"SAT\"],\"start\":\"05:30\",\"minutes\":30}],\"tts\":{\"engine\":\"none\"}}";

    /** One night: its wall time, the passes, the calls made and the runs done. */
    record Night(LocalDate day, Duration took, int passes, long calls, int done, Duration clockSpan) {
        @Override
        public String toString() {
            return String.format("night %s: %,d ms wall, %d passes, %,d calls, %,d runs done, last call %s after 01:00",
                    day, took.toMillis(), passes, calls, done, clockSpan);
        }
    }

    private EngagementBenchmark() {}

    public static void main(String[] args) {
        String database = args.length > 0 ? args[0] : "h2";
        int communes = args.length > 1 ? Integer.parseInt(args[1]) : 3321;
        int nights = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Map<String, String> settings = database.equals("postgres") ? Postgres.freshDatabase()
                : Map.of("datasources.default.url", "jdbc:h2:mem:engagement;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        List<Night> run = run(settings, communes, nights);
        run.forEach(night -> System.out.println("RESULT " + database + " " + communes + " communes x 4 channels: " + night));
        List<Long> millis = run.stream().map(n -> n.took().toMillis()).sorted().toList();
        System.out.printf("RESULT %s min %,d ms  median %,d ms  max %,d ms%n", database, millis.get(0),
                millis.get(millis.size() / 2), millis.get(millis.size() - 1));
        System.exit(0);
    }

    static List<Night> run(Map<String, String> settings, int communes, int nights) {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("herald.publishing.scheduler-enabled", "false");
        properties.put("herald.test.clock", "true");
        properties.put("herald.bench.instant-platforms", "true");
        // only the generated communes: no channel or content files of the repository
        properties.put("herald.channels-dir", TestChannels.folder(Map.of()).toString());
        properties.put("herald.content-dir", TestChannels.folder(Map.of()).toString());
        try (ApplicationContext context = ApplicationContext.run(properties, "test")) {
            @SuppressWarnings("unchecked")
            TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
            long started = System.nanoTime();
            int written = generate(transactions, communes);
            // the database's statistics as they are after a day of service, not those of the empty tables at start
            transactions.executeWrite(status -> {
                try (var statement = status.getConnection().createStatement()) {
                    return statement.executeUpdate("analyze");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            System.out.printf("wrote %,d publications on %,d channels in %,d ms%n", written, communes * TYPES.length,
                    (System.nanoTime() - started) / 1_000_000);
            TestClock clock = context.getBean(TestClock.class);
            EngagementCollector collector = context.getBean(EngagementCollector.class);
            List<Night> results = new ArrayList<>();
            for (int n = 0; n < nights; n++) {
                LocalDate day = FIRST_NIGHT.plusDays(n);
                Instant opens = day.atTime(LocalTime.of(1, 0)).atZone(HANOI).toInstant();
                clock.set(opens);
                long start = System.nanoTime();
                int passes = 0;
                while (true) {
                    collector.collect();
                    passes++;
                    Instant next = nextCall(transactions, day);
                    if (next == null) {
                        break;
                    }
                    clock.set(next.isAfter(clock.instant()) ? next : clock.instant().plusMillis(1));
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                long[] runs = doneAndCalls(transactions, day);
                results.add(new Night(day, took, passes, runs[1], (int) runs[0], Duration.between(opens, clock.instant())));
            }
            return results;
        }
    }

    /** The earliest next call of the night's running runs; null when none runs. */
    private static Instant nextCall(TransactionOperations<Connection> transactions, LocalDate day) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement(
                    "select min(next_call_at) from engagement_run where on_day = ? and state = 'RUNNING'")) {
                select.setObject(1, day);
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return rows.getTimestamp(1) == null ? null : rows.getTimestamp(1).toInstant();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The night's runs done and the calls they made. */
    private static long[] doneAndCalls(TransactionOperations<Connection> transactions, LocalDate day) {
        return transactions.executeRead(status -> {
            try (PreparedStatement select = status.getConnection().prepareStatement("select count(case when state = 'DONE' "
                    + "then 1 end), coalesce(sum(calls), 0) from engagement_run where on_day = ?")) {
                select.setObject(1, day);
                try (var rows = select.executeQuery()) {
                    rows.next();
                    return new long[] {rows.getLong(1), rows.getLong(2)};
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Writes the communes, their channels, and 28 days of published posts before the first night. */
    static int generate(TransactionOperations<Connection> transactions, int communes) {
        Instant created = Instant.parse("2027-01-01T00:00:00Z");
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            int written = 0;
            try (PreparedStatement unit = connection.prepareStatement("insert into unit (code, name, zone, parent_code, "
                    + "created_at, updated_at) values (?, ?, 'Asia/Ho_Chi_Minh', null, ?, ?)");
                 PreparedStatement channel = connection.prepareStatement("insert into channel (id, unit_code, type, mode, name, "
                         + "settings, source_hash, paused_reason, created_at, updated_at) values (?, ?, ?, 'LIVE', ?, ?, 'x', null, ?, ?)");
                 PreparedStatement piece = connection.prepareStatement("insert into piece (unit_code, kind, slug, title, topics, "
                         + "audiences, campaigns, variants, read_seconds, status, revision, created_at, updated_at) "
                         + "values (?, 'ARTICLE', ?, ?, '[]', '[]', '[]', '{}', null, 'APPROVED', 1, ?, ?)", new String[] {"id"});
                 PreparedStatement publication = connection.prepareStatement("insert into publication (piece_id, piece_revision, "
                         + "channel_id, unit_code, planned_at, deadline, status, payload, payload_summary, external_id, attempts, "
                         + "created_by, created_at, updated_at) values (?, 1, ?, ?, ?, ?, 'PUBLISHED', '{}', 'tin', ?, 1, 'bien-tap', ?, ?)")) {
                for (int c = 1; c <= communes; c++) {
                    String code = "xa-" + c;
                    unit.setString(1, code);
                    unit.setString(2, "Xã " + c);
                    unit.setObject(3, created.atOffset(ZoneOffset.UTC));
                    unit.setObject(4, created.atOffset(ZoneOffset.UTC));
                    unit.executeUpdate();
                    for (int t = 0; t < TYPES.length; t++) {
                        channel.setString(1, code + "-" + t);
                        channel.setString(2, code);
                        channel.setString(3, TYPES[t]);
                        channel.setString(4, "Kênh " + t + " của " + code);
                        channel.setString(5, TYPES[t].equals("LOUDSPEAKER") ? LOUDSPEAKER : "{}");
                        channel.setObject(6, created.atOffset(ZoneOffset.UTC));
                        channel.setObject(7, created.atOffset(ZoneOffset.UTC));
                        channel.addBatch();
                    }
                    channel.executeBatch();
                    piece.setString(1, code);
                    piece.setString(2, "tin-" + c);
                    piece.setString(3, "Tin của xã " + c);
                    piece.setObject(4, created.atOffset(ZoneOffset.UTC));
                    piece.setObject(5, created.atOffset(ZoneOffset.UTC));
                    piece.executeUpdate();
                    long pieceId;
                    try (var keys = piece.getGeneratedKeys()) {
                        keys.next();
                        pieceId = keys.getLong(1);
                    }
                    for (int t = 0; t < TYPES.length; t++) {
                        for (int k = 0; k < PER_WEEK[t] * 4; k++) {
                            Instant planned = FIRST_NIGHT.minusDays(28).plusDays(k * 7L / PER_WEEK[t])
                                    .atTime(8 + t, 0).atZone(HANOI).toInstant();
                            publication.setLong(1, pieceId);
                            publication.setString(2, code + "-" + t);
                            publication.setString(3, code);
                            publication.setObject(4, planned.atOffset(ZoneOffset.UTC));
                            publication.setObject(5, planned.plusSeconds(86400).atOffset(ZoneOffset.UTC));
                            publication.setString(6, TYPES[t].equals("LOUDSPEAKER") ? "2027-05-01_0530" : "post-" + c + "-" + t + "-" + k);
                            publication.setObject(7, planned.atOffset(ZoneOffset.UTC));
                            publication.setObject(8, planned.atOffset(ZoneOffset.UTC));
                            publication.addBatch();
                            written++;
                        }
                    }
                    publication.executeBatch();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot write the sample communes", e);
            }
            return written;
        });
    }
}
