package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SIGTERM while a send is out on a slow platform: the dispatcher stops taking work and lets the send finish before
 * the database closes, so the log has no error and the publication ends published (or UNKNOWN, to reconcile).
 */
class OrderlyShutdownTest {

    @Test
    void aTerminatedServerFinishesItsSendBeforeTheDatabaseClosesAndLogsNoError() throws Exception {
        Path work = Files.createTempDirectory("herald-shutdown");
        Path data = Files.createDirectories(work.resolve("data"));
        Path channels = Files.createDirectories(work.resolve("channels"));
        Path log = work.resolve("server.log");
        try (FakePlatform platform = new FakePlatform()) {
            Files.writeString(channels.resolve("fake.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                    + platform.baseUrl() + "\nrateLimitPerMinute: 100000\n");
            // the answer comes two seconds after the request: SIGTERM arrives while the call is out
            platform.delay(2000);
            Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ShutdownChild.class.getName(), data.toString(),
                    channels.toString(), Path.of("content").toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (!Files.readString(log).contains("SENDING ") && server.isAlive() && Instant.now().isBefore(giveUp)) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            assertTrue(Files.readString(log).contains("SENDING "), () -> "the send never started: " + tail(log));
            server.destroy(); // SIGTERM on Linux: the shutdown hooks run
            assertTrue(server.waitFor(60, TimeUnit.SECONDS), "the server stopped");
        }
        String output = Files.readString(log);
        assertFalse(output.contains(" ERROR ") || output.contains("Exception"), () -> "the shutdown logged an error: " + tail(log));
        long id = Long.parseLong(output.substring(output.indexOf("SENDING ") + 8).lines().findFirst().orElseThrow().strip());
        String url = "jdbc:h2:file:" + data.resolve("db").resolve("herald") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement select = connection.prepareStatement("select status from publication where id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                assertTrue(List.of("PUBLISHED", "UNKNOWN").contains(row.getString(1)), "left as " + row.getString(1));
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
