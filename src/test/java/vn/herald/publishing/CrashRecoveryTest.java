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
 * A Herald process killed with SIGKILL while sends are in flight, on the default embedded database: after a
 * restart every publication is published and the platform received each exactly once.
 */
class CrashRecoveryTest {

    private static final int PUBLICATIONS = 60;

    @Test
    void aKilledProcessLosesNoPublicationAndDoublesNone() throws Exception {
        // the publications are due now and their deadline is the end of today in Hanoi
        assumeTrue(LocalTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).isBefore(LocalTime.of(23, 57)),
                "skipped within three minutes of midnight in Hanoi, where the publications would expire");
        Path work = Files.createTempDirectory("herald-crash");
        Path data = Files.createDirectories(work.resolve("data"));
        Path channels = Files.createDirectories(work.resolve("channels"));
        try (FakePlatform platform = new FakePlatform()) {
            Files.writeString(channels.resolve("fake.yml"), "type: FACEBOOK_PAGE\nmode: live\nbaseUrl: "
                    + platform.baseUrl() + "\nrateLimitPerMinute: 100000\n");
            platform.delay(300);

            assertEquals(0, child(work, "schedule", data, channels).waitFor(2, TimeUnit.MINUTES) ? 0 : -1,
                    "the scheduling process ended in time");

            Process dispatching = child(work, "dispatch", data, channels);
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
            while (platform.postRequests() < 10 && Instant.now().isBefore(giveUp)) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            dispatching.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, sends in flight are cut off
            dispatching.waitFor(30, TimeUnit.SECONDS);
            int sentBeforeCrash = platform.postRequests();
            assertTrue(sentBeforeCrash >= 10 && sentBeforeCrash < PUBLICATIONS,
                    "the process died mid-run: " + sentBeforeCrash + " posts before the kill; log: " + log(work, "dispatch"));

            Process recovering = child(work, "recover", data, channels);
            assertTrue(recovering.waitFor(4, TimeUnit.MINUTES), "recovery ended in time");
            assertEquals(0, recovering.exitValue(), "all published after the restart; log: " + log(work, "recover"));

            assertEquals(PUBLICATIONS, platform.posts().size(), "every publication reached the platform");
            platform.posts().forEach((ref, times) -> assertEquals(1, times.get(), "publication " + ref + " posted once"));
        }
    }

    private static Process child(Path work, String phase, Path data, Path channels) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), phase, data.toString(),
                channels.toString(), Path.of("content").toAbsolutePath().toString(), String.valueOf(PUBLICATIONS)));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(phase + ".log").toFile()).start();
    }

    private static String log(Path work, String phase) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve(phase + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
