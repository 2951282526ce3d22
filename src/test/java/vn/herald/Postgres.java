package vn.herald;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * PostgreSQL for the tests that must run on it: a fresh database per test class on 127.0.0.1:5432 (trust auth).
 * Without a server the tests are skipped loudly, except under CI=true, where they must run and so fail.
 */
public final class Postgres implements ExecutionCondition {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    static final String USER = "postgres";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL answers on 127.0.0.1:5432");
        }
        if ("true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI=true: PostgreSQL tests must run, and will fail without a server");
        }
        String message = "SKIPPED " + context.getDisplayName() + ": no PostgreSQL on 127.0.0.1:5432 (these tests run under CI=true)";
        System.err.println("*".repeat(message.length()) + "\n" + message + "\n" + "*".repeat(message.length()));
        return ConditionEvaluationResult.disabled(message);
    }

    /** Creates an empty database and answers the datasource properties that point at it. */
    public static Map<String, String> freshDatabase() {
        // the creation time in the name lets a clean-up leave alone what another test run just made
        String name = "herald_test_" + System.currentTimeMillis() / 1000 + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            dropUnused(statement);
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name + " on " + SERVER, e);
        }
        return Map.of(
                "datasources.default.url", SERVER + name,
                "datasources.default.username", USER,
                "datasources.default.password", "");
    }

    /**
     * Databases of earlier test classes and runs that nobody is connected to any more and that are over an hour
     * old: a younger one may belong to a test run in another process that has not connected yet.
     */
    private static void dropUnused(Statement statement) throws SQLException {
        java.util.List<String> unused = new java.util.ArrayList<>();
        long hourAgo = System.currentTimeMillis() / 1000 - 3600;
        try (var rows = statement.executeQuery("select datname from pg_database where datname like 'herald\\_test\\_%' "
                + "and datname not in (select datname from pg_stat_activity where datname is not null)")) {
            while (rows.next()) {
                String name = rows.getString(1);
                String[] parts = name.split("_");
                // names without a creation time come from older versions of this class: always stale
                if (parts.length < 4 || !parts[2].chars().allMatch(Character::isDigit) || Long.parseLong(parts[2]) < hourAgo) {
                    unused.add(name);
                }
            }
        }
        for (String database : unused) {
            statement.execute("drop database if exists " + database);
        }
    }

    private static boolean reachable() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
