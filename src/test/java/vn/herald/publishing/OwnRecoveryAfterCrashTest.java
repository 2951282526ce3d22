package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * A single instance killed with sends in flight comes back under the same name and reconciles them within 30 s of
 * its restart, long before the dead-execution time (six heartbeats of 8 s here) after which another instance would.
 */
class OwnRecoveryAfterCrashTest {

    // the channel's two in-flight slots, both cut in the middle
    private static final int PUBLICATIONS = 2;
    private static final String HEARTBEAT = "8s";

    @Test
    void aRestartedInstanceReconcilesItsOwnInterruptedSendsWithinThirtySeconds() throws Exception {
        assumeTrue(LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).isBefore(LocalTime.of(23, 57)),
                "skipped within three minutes of midnight in Hanoi, where the publications would expire");
        Path work = Files.createTempDirectory("herald-own-recovery");
        Path data = Files.createDirectories(work.resolve("data"));
        Path channels = Files.createDirectories(work.resolve("channels"));
        try (FakePlatform platform = new FakePlatform()) {
            Files.writeString(channels.resolve("fake.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                    + platform.baseUrl() + "\nrateLimitPerMinute: 100000\n");
            assertTrue(child(work, "schedule", data, channels).waitFor(2, TimeUnit.MINUTES), "the scheduling process ended in time");

            // the platform takes each post, then answers slowly (within the adapter's read timeout): the kill cuts both
            platform.delay(1_500);
            Process dispatching = child(work, "dispatch", data, channels);
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (platform.postRequests() < PUBLICATIONS && Instant.now().isBefore(giveUp)) {
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            dispatching.destroyForcibly();
            dispatching.waitFor(30, TimeUnit.SECONDS);
            assertEquals(PUBLICATIONS, platform.postRequests(), "every send was in flight at the kill; log: " + log(work, "dispatch"));
            platform.delay(0);

            Instant restarted = Instant.now();
            Process recovering = child(work, "recover", data, channels);
            assertTrue(recovering.waitFor(4, TimeUnit.MINUTES), "recovery ended");
            Duration took = Duration.between(restarted, Instant.now());
            System.out.println("restart to recovered: " + took.toMillis() + " ms (process start included)");
            assertEquals(0, recovering.exitValue(), "all published after the restart; log: " + log(work, "recover"));
            assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "recovered " + took.toMillis() + " ms after the restart");
            assertEquals(PUBLICATIONS, platform.posts().size());
            platform.posts().forEach((ref, times) -> assertEquals(1, times.get(), "publication " + ref + " posted once"));
        }
    }

    private static Process child(Path work, String phase, Path data, Path channels) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcrash.heartbeat=" + HEARTBEAT, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(),
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
