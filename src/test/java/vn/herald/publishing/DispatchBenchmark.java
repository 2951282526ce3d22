package vn.herald.publishing;

import vn.herald.Postgres;

import java.time.Instant;
import java.util.Map;

/**
 * Dispatch throughput and due-to-sent lag against a local fake platform (5 ms per answer): publications scheduled
 * first, then every dispatcher started, so all fall due at once. Not a test; run with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=vn.herald.publishing.DispatchBenchmark -Dexec.args="h2 1 2000"}
 * (database h2 or postgres, instances, publications).
 */
public final class DispatchBenchmark {

    private DispatchBenchmark() {}

    public static void main(String[] args) {
        String database = args.length > 0 ? args[0] : "h2";
        int instances = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int publications = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        Map<String, String> settings = database.equals("postgres") ? Postgres.freshDatabase()
                : Map.of("datasources.default.url", "jdbc:h2:mem:bench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        if (database.equals("h2") && instances != 1) {
            throw new IllegalArgumentException("the embedded H2 serves one instance");
        }
        try (DispatchCluster cluster = new DispatchCluster(settings, 8).start(instances)) {
            cluster.platform.delay(Integer.getInteger("bench.delay", 5));
            Instant due = Instant.now();
            cluster.schedule(publications, due);
            Instant started = cluster.startDispatchers();
            if (!cluster.awaitPublished(publications, java.time.Duration.ofMinutes(10))) {
                throw new IllegalStateException("only " + cluster.published() + " published");
            }
            System.out.println("RESULT " + database + " x" + instances + ": " + cluster.figures(started));
        }
        System.exit(0);
    }
}
