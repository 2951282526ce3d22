package vn.herald;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.exceptions.BeanInstantiationException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HERALD_CLOCK_START lets a centre rehearse a national day: the service lives at that time and says so. */
class DemoClockTest {

    @Test
    void theServiceStartsAtTheChosenInstantRunsOnAndShowsTheShiftInHealth() throws IOException {
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
                Map.of("herald.clock.start", "2027-05-01T08:00:00+07:00", "herald.publishing.scheduler-enabled", "false"), "test");
             HttpClient http = HttpClient.create(server.getURL())) {
            Instant now = server.getApplicationContext().getBean(Clock.class).instant();
            Duration sinceStart = Duration.between(Instant.parse("2027-05-01T01:00:00Z"), now);
            assertTrue(!sinceStart.isNegative() && sinceStart.compareTo(Duration.ofMinutes(2)) < 0, "clock reads " + now);

            String body = http.toBlocking().retrieve(HttpRequest.GET("/health").basicAuth("admin", TestUsers.ADMIN_PASSWORD));
            Map<String, Object> health = server.getApplicationContext().getBean(JsonMapper.class)
                    .readValue(body, Argument.mapOf(String.class, Object.class));
            @SuppressWarnings("unchecked")
            Map<String, Object> clock = (Map<String, Object>) ((Map<String, Object>) health.get("details")).get("clock");
            @SuppressWarnings("unchecked")
            Map<String, Object> details = (Map<String, Object>) clock.get("details");
            assertEquals(true, details.get("shifted"), body);
            assertTrue(details.get("now").toString().startsWith("2027-05-01T01:"), body);
        }
    }

    @Test
    void anUnreadableStartInstantStopsTheStartWithTheVariableNamed() {
        BeanInstantiationException e = assertThrows(BeanInstantiationException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("herald.clock.start", "1/5/2027"), "test")) {
                context.getBean(Clock.class).instant();
            }
        });
        assertTrue(e.getMessage().contains("HERALD_CLOCK_START must be an instant"), e.getMessage());
    }
}
