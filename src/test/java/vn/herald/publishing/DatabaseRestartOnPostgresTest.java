package vn.herald.publishing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.herald.Postgres;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL goes away under two dispatching instances and comes back: they recover by themselves, and every
 * publication is still sent exactly once. The restart is simulated by a proxy between Herald and the server, cut and
 * restored, so the machine's shared server (and other test runs on it) are left alone.
 */
@ExtendWith(Postgres.class)
class DatabaseRestartOnPostgresTest {

    private static final int PUBLICATIONS = 600;

    @Test
    void dispatchersRideOutADatabaseRestartAndSendEverythingOnce() {
        Map<String, String> database = new HashMap<>(Postgres.freshDatabase());
        try (CuttableProxy proxy = new CuttableProxy("127.0.0.1", 5432)) {
            database.put("datasources.default.url", database.get("datasources.default.url")
                    .replace("127.0.0.1:5432", "127.0.0.1:" + proxy.port()));
            // a short wait for a connection, so a dispatch thread fails and is retried instead of hanging on the pool
            database.put("datasources.default.connection-timeout", "2000");
            try (DispatchCluster cluster = new DispatchCluster(database, 4).start(2)) {
                cluster.platform.delay(5);
                List<Long> ids = cluster.schedule(PUBLICATIONS, Instant.now());
                cluster.startDispatchers();
                assertTrue(cluster.awaitPublished(60, Duration.ofSeconds(60)), "the cluster did not get going");

                proxy.cut();
                int sentWhenCut = cluster.platform.postRequests();
                LockSupport.parkNanos(Duration.ofSeconds(4).toNanos()); // the database is down
                int sentWhileDown = cluster.platform.postRequests() - sentWhenCut;
                proxy.restore();

                assertTrue(sentWhenCut < PUBLICATIONS, "everything was sent before the restart: the test proved nothing");
                assertTrue(cluster.awaitPublished(PUBLICATIONS, Duration.ofSeconds(150)),
                        "only " + cluster.published() + " of " + PUBLICATIONS + " published after the database came back");
                for (long id : ids) {
                    assertEquals(1, cluster.platform.timesPosted(String.valueOf(id)), "publication " + id);
                }
                assertEquals(PUBLICATIONS, cluster.platform.posts().size());
                // no attempt can be recorded while the database is away, so nothing new may go out then
                assertTrue(sentWhileDown <= 2 * 4, sentWhileDown + " posts went out while the database was down");
            }
        }
    }
}
