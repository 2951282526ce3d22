package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each benchmark once, small, so they keep working: the figures themselves are in docs/benchmarks.md. */
class BenchmarkSmokeTest {

    @Test
    void theServiceStartsOnTheSeedDataAndAnswersHealthy() throws Exception {
        StartupBenchmark.Start start = StartupBenchmark.once(Path.of("").toAbsolutePath());
        System.out.println("Start-up smoke: " + start);
        assertTrue(start.millis() > 0 && start.residentMiB() > 0, start::toString);
    }

    @Test
    void aSmallLibraryIsImportedThenRescanned() throws Exception {
        ImportBenchmark.Run run = ImportBenchmark.once(50);
        System.out.println("Import smoke: " + run);
        assertTrue(run.firstSeconds() > 0, run::toString);
    }

    @Test
    void theFeedAnswersUnderLoadAndConditionalRequestsGet304() throws Exception {
        try (ApplicationContext context = FeedBenchmark.start()) {
            URI feed = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + "/portal/rss.xml");
            HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(feed).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(first.body().contains("<item>"), "the feed carries the published articles");
            String etag = first.headers().firstValue("ETag").orElseThrow();
            HttpLoad.Result full = HttpLoad.run(2, Duration.ofSeconds(1), () -> HttpLoad.get(feed));
            HttpLoad.Result conditional = HttpLoad.run(2, Duration.ofSeconds(1), () -> HttpLoad.get(feed, "If-None-Match", etag));
            System.out.println("Feed smoke: full " + full + "; conditional " + conditional);
            assertEquals(Set.of(200), full.statuses().keySet());
            assertEquals(Set.of(304), conditional.statuses().keySet());
        }
    }
}
