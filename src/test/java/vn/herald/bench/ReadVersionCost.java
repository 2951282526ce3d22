package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the read versions (migration V37) cost: the read each cached calendar or feed answer pays, and what the
 * triggers add to a write of a publication, one row per transaction and 500 rows in one JDBC batch, measured with
 * the triggers and again after dropping them, on the calendar benchmark's year of data. Not a test; run with
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) vn.herald.bench.ReadVersionCost [h2|postgres] [writes] [runs]}.
 */
public final class ReadVersionCost {

    static final String[] TABLES = {"unit", "channel", "piece", "publication", "portal_article"};
    private static final int BATCH = 500;

    /** Microseconds per version read, per single-row write and per row of a batch, with and without the triggers. */
    record Costs(double readMicros, double singleWithMicros, double batchWithMicros, double singleWithoutMicros,
                 double batchWithoutMicros) {}

    private ReadVersionCost() {}

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Summary read = new Summary(database + " read of a version", "us");
        Summary singleWith = new Summary(database + " one-row write transaction, with the triggers", "us");
        Summary singleWithout = new Summary(database + " one-row write transaction, without", "us");
        Summary batchWith = new Summary(database + " row of a 500-row batch, with the triggers", "us");
        Summary batchWithout = new Summary(database + " row of a 500-row batch, without", "us");
        for (int i = 0; i <= runs; i++) {
            try (ApplicationContext context = CalendarBenchmark.start(database)) {
                Costs costs = measure(context, writes);
                if (i == 0) {
                    continue; // the first start warms the JIT and the database's caches
                }
                System.out.println("run " + i + ": " + costs);
                read.add(costs.readMicros());
                singleWith.add(costs.singleWithMicros());
                singleWithout.add(costs.singleWithoutMicros());
                batchWith.add(costs.batchWithMicros());
                batchWithout.add(costs.batchWithoutMicros());
            }
        }
        for (Summary summary : List.of(read, singleWith, singleWithout, batchWith, batchWithout)) {
            System.out.println("RESULT " + summary);
        }
        System.exit(0);
    }

    /** Measures on the service's database, then drops its read-version triggers: the service is no good after. */
    static Costs measure(ApplicationContext context, int writes) throws SQLException {
        DataSource database = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(true);
            List<Long> ids = ids(connection);
            double read = reads(connection, writes);
            single(connection, ids, writes); // warm-up
            double singleWith = single(connection, ids, writes);
            double batchWith = batches(connection, ids, writes);
            boolean postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            try (Statement drop = connection.createStatement()) {
                for (String table : TABLES) {
                    drop.execute("drop trigger read_version_" + table + (postgres ? " on " + table : ""));
                }
            }
            single(connection, ids, writes);
            return new Costs(read, singleWith, batchWith, single(connection, ids, writes), batches(connection, ids, writes));
        }
    }

    private static List<Long> ids(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Statement query = connection.createStatement();
             ResultSet rows = query.executeQuery("select id from publication order by id limit " + BATCH)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static double reads(Connection connection, int count) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement read = connection.prepareStatement("select version from read_version where scope = ?")) {
            read.setString(1, "calendar:" + CalendarBenchmark.UNIT);
            for (int i = 0; i < count; i++) {
                try (ResultSet row = read.executeQuery()) {
                    row.next();
                }
            }
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    private static double single(Connection connection, List<Long> ids, int count) throws SQLException {
        long start = System.nanoTime();
        try (PreparedStatement update = connection.prepareStatement("update publication set warning = ? where id = ?")) {
            for (int i = 0; i < count; i++) {
                update.setString(1, "w" + i);
                update.setLong(2, ids.get(i % ids.size()));
                update.executeUpdate();
            }
        }
        return (System.nanoTime() - start) / 1e3 / count;
    }

    private static double batches(Connection connection, List<Long> ids, int count) throws SQLException {
        int rounds = Math.max(1, count / ids.size());
        connection.setAutoCommit(false);
        long start = System.nanoTime();
        try (PreparedStatement update = connection.prepareStatement("update publication set warning = ? where id = ?")) {
            for (int round = 0; round < rounds; round++) {
                for (long id : ids) {
                    update.setString(1, "b" + round);
                    update.setLong(2, id);
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return (System.nanoTime() - start) / 1e3 / ((long) rounds * ids.size());
    }
}
