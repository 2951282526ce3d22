package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A platform that takes connections and never answers holds a bounded share of the dispatcher, never all of it. */
class SlowPlatformTest {

    @Test
    void aHangingPlatformDoesNotDelayTheOtherChannels() {
        try (FakePlatform hanging = new FakePlatform();
             DispatchCluster cluster = new DispatchCluster(Map.of(), 4).withChannel("hanging", hanging.baseUrl()).start(1)) {
            for (int i = 0; i < 40; i++) {
                hanging.then(FakePlatform.Answer.ACCEPT_THEN_HANG);
            }
            Instant now = Instant.now();
            cluster.schedule(20, now, "hanging");
            cluster.schedule(30, now, "fake");
            cluster.startDispatchers();

            Instant limit = Instant.now().plusSeconds(4); // a hanging call takes the 2 s read timeout
            while (cluster.published("fake") < 30 && Instant.now().isBefore(limit)) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            assertEquals(30, cluster.published("fake"), "the healthy channel waited behind the hanging one");
            assertTrue(hanging.postRequests() <= 40, "requests to the hanging platform: " + hanging.postRequests());
        }
    }
}
