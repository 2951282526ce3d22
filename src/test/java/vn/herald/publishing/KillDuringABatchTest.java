package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Herald process killed with SIGKILL while a batch of sends is out: their attempts were committed together, the
 * platform has taken their posts, and no result of the batch is recorded yet. After a restart every publication is
 * published, those of the cut batch found on the platform rather than sent again: nothing lost, nothing twice.
 */
class KillDuringABatchTest {

    private static final int PUBLICATIONS = 120;
    // ten channels of two sends in flight each: twenty sends start together, so their attempts go in shared batches
    private static final int CHANNELS = 10;

    @Test
    void aBatchCutByAKillIsReconciledWithNothingLostAndNothingSentTwice() throws Exception {
        assumeTrue(LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).isBefore(LocalTime.of(23, 57)),
                "skipped within three minutes of midnight in Hanoi, where the publications would expire");
        Path work = Files.createTempDirectory("herald-batch-kill");
        Path data = Files.createDirectories(work.resolve("data"));
        Path channels = Files.createDirectories(work.resolve("channels"));
        try (FakePlatform platform = new FakePlatform()) {
            for (int i = 0; i < CHANNELS; i++) {
                Files.writeString(channels.resolve((i == 0 ? "fake" : "fake-" + i) + ".yml"), "type: FACEBOOK_PAGE\n"
                        + "mode: live\nbaseUrl: " + platform.baseUrl() + "\nrateLimitPerMinute: 100000\n");
            }
            assertTrue(child(work, "schedule", data, channels).waitFor(2, TimeUnit.MINUTES), "the scheduling process ended in time");

            // each post is taken at once and answered 1.5 s later (within the adapter's read timeout): the kill
            // comes while the batch's calls wait for their answers
            platform.delay(1_500);
            Process dispatching = child(work, "dispatch", data, channels);
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (platform.postRequests() < 10 && Instant.now().isBefore(giveUp)) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            dispatching.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, the batch is cut where it stands
            dispatching.waitFor(30, TimeUnit.SECONDS);
            int sentBeforeKill = platform.postRequests();
            assertTrue(sentBeforeKill >= 10 && sentBeforeKill < PUBLICATIONS,
                    "the process died mid-run: " + sentBeforeKill + " posts before the kill; log: " + log(work, "dispatch"));

            int cutBatch = largestUnfinishedBatch(data);
            assertTrue(cutBatch >= 2, "the kill cut a batch of attempts committed together; largest was " + cutBatch);
            platform.delay(0);

            Process recovering = child(work, "recover", data, channels);
            assertTrue(recovering.waitFor(4, TimeUnit.MINUTES), "recovery ended in time");
            assertEquals(0, recovering.exitValue(), "all published after the restart; log: " + log(work, "recover"));

            assertEquals(PUBLICATIONS, platform.posts().size(), "every publication reached the platform");
            platform.posts().forEach((ref, times) -> assertEquals(1, times.get(), "publication " + ref + " posted once"));
        }
    }

    /**
     * The most attempts left without a result that were recorded in one transaction (one batch's attempts share the
     * instant it was written), read from the dead process's database file.
     */
    private static int largestUnfinishedBatch(Path data) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("db/herald") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(max(n), 0) from (select count(*) n from publication_attempt "
                     + "where finished_at is null group by started_at) batches")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Process child(Path work, String phase, Path data, Path channels) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcrash.channels=" + CHANNELS, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
                phase, data.toString(), channels.toString(), Path.of("content").toAbsolutePath().toString(),
                String.valueOf(PUBLICATIONS)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(phase + ".log").toFile()).start();
    }

    private static String log(Path work, String phase) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve(phase + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
