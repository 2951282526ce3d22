package vn.herald.campaign;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The acceptance run: the service started on the seed library with its clock a few days before 18 May launches the
 * national-day campaign by itself; the only call is the GET that shows it.
 */
class CampaignLaunchAtStartTest {

    @Test
    void aFreshStartAFewDaysBeforeEighteenMayLaunchesItsCampaignWithScheduledSlots() throws InterruptedException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "herald.clock.start", "2027-05-12T08:00:00+07:00",
                "herald.publishing.scheduler-enabled", "true",
                "herald.upstream.enabled", "false"), "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
            Optional<Map<String, Object>> launched = Optional.empty();
            while (launched.isEmpty() && Instant.now().isBefore(deadline)) {
                Map<String, Object> answer = http.toBlocking().retrieve(HttpRequest.GET("/api/campaigns?unit=xa-hoa-an&year=2027")
                        .basicAuth("admin", TestUsers.ADMIN_PASSWORD), Argument.mapOf(String.class, Object.class));
                launched = items(answer).stream().filter(c -> "khcn-18-5".equals(c.get("code"))).findFirst();
                if (launched.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            assertTrue(launched.isPresent(), "no khcn-18-5 campaign within 90 seconds of the start");
            Map<String, Object> campaign = launched.get();
            assertEquals("campaign", campaign.get("launchedBy"));
            assertEquals(true, campaign.get("open"));
            Map<?, ?> counts = (Map<?, ?>) campaign.get("counts");
            assertTrue(((Number) counts.get("scheduled")).intValue() >= 9, "scheduled slots: " + counts);
            assertTrue(((Number) counts.get("empty")).intValue() > 0, "the empty slots are listed: " + counts);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> answer) {
        Object items = answer.get("items");
        return items == null ? List.of() : (List<Map<String, Object>>) items;
    }
}
