package vn.herald.publishing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three instances share one PostgreSQL: every publication is sent exactly once, even when one instance dies mid-run. */
@ExtendWith(Postgres.class)
class ClusterOnPostgresTest {

    @Test
    void threeInstancesSendTwoThousandPublicationsExactlyOnceAndSurviveLosingOne() {
        try (DispatchCluster cluster = new DispatchCluster(Postgres.freshDatabase(), 8).start(3)) {
            cluster.platform.delay(5);
            Instant due = Instant.now();
            List<Long> ids = cluster.schedule(2000, due);
            Instant started = cluster.startDispatchers();

            assertTrue(cluster.awaitPublished(400, Duration.ofSeconds(60)), "the cluster did not get going");
            cluster.stopAbruptly(2);
            assertTrue(cluster.published() < 2000, "the third instance was stopped after everything was sent: the test proved nothing");

            assertTrue(cluster.awaitPublished(2000, Duration.ofSeconds(120)),
                    "only " + cluster.published() + " of 2000 published after losing an instance");
            for (long id : ids) {
                assertEquals(1, cluster.platform.timesPosted(String.valueOf(id)), "publication " + id);
            }
            assertEquals(2000, cluster.platform.posts().size());
            System.out.println("Cluster of 3 on PostgreSQL, one stopped mid-run: " + cluster.figures(started));
        }
    }
}
