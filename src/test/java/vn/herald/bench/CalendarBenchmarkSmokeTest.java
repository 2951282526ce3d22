package vn.herald.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar benchmark once, small, so it keeps working: its figures are in docs/benchmarks.md. */
class CalendarBenchmarkSmokeTest {

    @Test
    void aMonthOfTheSampleYearIsServedToConcurrentClients() throws Exception {
        try (ApplicationContext context = CalendarBenchmark.start("h2")) {
            URI month = URI.create("http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort() + CalendarBenchmark.MONTH);
            HttpResponse<String> first = HttpClient.newHttpClient().send(CalendarBenchmark.request(month),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains("\"week\":\"2027-W22\"") && first.body().contains("\"week\":\"2027-W26\""),
                    "June 2027 runs from ISO week 22 to 26: " + first.body());
            assertTrue(first.body().contains("\"channelId\":\"" + CalendarBenchmark.UNIT + "-1\""), "the Facebook channel's posts are shown");
            assertTrue(first.body().contains("{\"date\":\"2027-06-06\",\"publications\":[]}"),
                    "a Sunday with nothing planned still lists its publications, as none: " + first.body());

            HttpLoad.Result load = HttpLoad.run(4, Duration.ofSeconds(1), () -> CalendarBenchmark.request(month));
            System.out.println("Calendar smoke: " + load);
            assertEquals(Set.of(200), load.statuses().keySet());
        }
    }

    @Test
    void theReadVersionsCostIsMeasuredWithAndWithoutTheTriggers() throws Exception {
        try (ApplicationContext context = CalendarBenchmark.start("h2")) {
            ReadVersionCost.Costs costs = ReadVersionCost.measure(context, 50);
            System.out.println("Read version cost smoke: " + costs);
            assertTrue(costs.readMicros() > 0 && costs.batchWithMicros() > 0 && costs.batchWithoutMicros() > 0, costs::toString);
        }
    }
}
