package vn.herald.publishing;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A platform that takes connections and never answers holds a bounded share of the dispatcher, never all of it. */
class SlowPlatformTest {

    @Test
    void aChannelBusyWithSendsThatAnswerKeepsItsPublicationsInsteadOfGivingThemBack() throws Exception {
        try (DispatchCluster cluster = new DispatchCluster(Map.of(), 4).start(1)) {
            List<Long> ids = new java.util.ArrayList<>(cluster.schedule(5, Instant.now()));
            Dispatcher dispatcher = cluster.node(0).getBean(Dispatcher.class);
            // a first send alone warms up the path (connections, JIT), so the others' waits are the platform's
            assertEquals(Optional.empty(), dispatcher.dispatch(ids.remove(0)));
            // 50 ms an answer: four sends at once on a channel with two slots must overlap
            cluster.platform.delay(50);
            CyclicBarrier together = new CyclicBarrier(ids.size());
            ExecutorService threads = Executors.newFixedThreadPool(ids.size());
            try {
                List<Future<Optional<Instant>>> nexts = ids.stream().map(id -> threads.submit(() -> {
                    together.await();
                    return dispatcher.dispatch(id);
                })).toList();
                for (Future<Optional<Instant>> next : nexts) {
                    // given back, it would be picked again a second later: a burst on one channel was picked ~7 times a send
                    assertEquals(Optional.empty(), next.get(), "a publication was given back although a slot would free soon");
                }
            } finally {
                threads.shutdown();
            }
            assertEquals(5, cluster.published("fake"));
        }
    }

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

            // Behind the hanging channel, the healthy one would wait for 20 calls of the 2 s read timeout on 4 threads:
            // at least 10 s, and every hanging publication tried first. Wall time alone is no proof on a loaded machine.
            Instant limit = Instant.now().plusSeconds(9);
            while (cluster.published("fake") < 30 && Instant.now().isBefore(limit)) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            long hangingTried = cluster.count("select count(*) from publication where channel_id = 'hanging' and attempts > 0");
            assertEquals(30, cluster.published("fake"), "the healthy channel waited behind the hanging one");
            assertTrue(hangingTried < 20, "every hanging publication was tried before the healthy channel was done");
            assertTrue(hanging.postRequests() <= 40, "requests to the hanging platform: " + hanging.postRequests());

            // the hanging calls end by their timeout: recorded as UNKNOWN (the post may exist), never left SENDING
            Instant timeoutsFired = Instant.now().plusSeconds(15);
            while (cluster.count("select count(*) from publication where channel_id = 'hanging' and status = 'UNKNOWN'") < 4
                    && Instant.now().isBefore(timeoutsFired)) {
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            assertTrue(cluster.count("select count(*) from publication where channel_id = 'hanging' and status = 'UNKNOWN' "
                    + "and lower(last_error) like '%timeout%'") >= 4, "the hanging calls did not time out");
            assertTrue(cluster.count("select count(*) from publication where channel_id = 'hanging' and status = 'SENDING'") <= 2,
                    "more hanging sends in flight than the channel's share of threads");
        }
    }
}
