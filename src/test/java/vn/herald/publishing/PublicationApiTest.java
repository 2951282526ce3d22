package vn.herald.publishing;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;
import static vn.herald.TestUsers.asEditor;

/** Scheduling through the API: what an editor may do, and the refusals they see. */
@MicronautTest(transactional = false)
@Property(name = "herald.test.fake-platform", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
class PublicationApiTest {

    @Inject @Client("/") HttpClient http;
    @Inject Accounts accounts;
    @Inject Dispatcher dispatcher;

    private final String tomorrow = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(1).withHour(7).withMinute(0)
            .withSecond(0).withNano(0).toString();

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Map<String, Object> call(MutableHttpRequest<?> request) {
        return http.toBlocking().retrieve(request, Argument.mapOf(String.class, Object.class));
    }

    private HttpClientResponseException refused(MutableHttpRequest<?> request) {
        return assertThrows(HttpClientResponseException.class, () -> http.toBlocking().exchange(request, String.class));
    }

    private Number anApprovedPiece() {
        List<?> items = (List<?>) call(asEditor(HttpRequest.GET("/api/pieces?status=APPROVED&kind=ARTICLE&size=1"))).get("items");
        return (Number) ((Map<?, ?>) items.get(0)).get("id");
    }

    @Test
    void anEditorSchedulesAnApprovedPieceOnSeveralChannelsAndSeesItsTrail() {
        Map<String, Object> created = call(asEditor(HttpRequest.POST("/api/publications", Map.of("pieceId", anApprovedPiece(),
                "channelIds", List.of("facebook"), "plannedAt", tomorrow))));
        List<?> items = (List<?>) created.get("items");
        assertEquals(1, items.size());
        Map<?, ?> publication = (Map<?, ?>) items.get(0);
        assertEquals("SCHEDULED", publication.get("status"));
        assertEquals(OffsetDateTime.parse(tomorrow).toInstant(), OffsetDateTime.parse((String) publication.get("plannedAt")).toInstant());
        Object id = publication.get("id");

        Map<String, Object> listed = call(asEditor(HttpRequest.GET("/api/publications?channel=facebook&status=SCHEDULED")));
        assertTrue(((List<?>) listed.get("items")).stream().anyMatch(p -> ((Map<?, ?>) p).get("id").equals(id)));

        String later = OffsetDateTime.parse(tomorrow).plusHours(3).toString();
        assertEquals("SCHEDULED", call(asEditor(HttpRequest.POST("/api/publications/" + id + "/reschedule",
                Map.of("plannedAt", later)))).get("status"));
        assertEquals("CANCELLED", call(asEditor(HttpRequest.POST("/api/publications/" + id + "/cancel",
                Map.of("reason", "trùng lịch")))).get("status"));

        Map<String, Object> detail = call(asEditor(HttpRequest.GET("/api/publications/" + id)));
        List<?> events = (List<?>) detail.get("events");
        assertEquals(List.of("SCHEDULED", "SCHEDULED", "CANCELLED"), events.stream().map(e -> ((Map<?, ?>) e).get("toStatus")).toList());
        assertEquals("bien-tap", ((Map<?, ?>) events.get(2)).get("actor"));
    }

    @Test
    void aDryRunChannelShowsTheRequestThatWouldHaveGoneOut() {
        Map<?, ?> publication = (Map<?, ?>) ((List<?>) call(asEditor(HttpRequest.POST("/api/publications", Map.of(
                "pieceId", anApprovedPiece(), "channelId", "facebook", "plannedAt", OffsetDateTime.now().toString()))))
                .get("items")).get(0);
        long id = ((Number) publication.get("id")).longValue();
        dispatcher.dispatch(id);
        Map<?, ?> sent = (Map<?, ?>) call(asEditor(HttpRequest.GET("/api/publications/" + id))).get("publication");
        assertEquals("PUBLISHED", sent.get("status"));
        assertTrue(String.valueOf(sent.get("dryRunRequest")).contains("POST"), String.valueOf(sent.get("dryRunRequest")));
    }

    @Test
    void aDraftIsRefusedWithAReason() {
        List<?> drafts = (List<?>) call(asEditor(HttpRequest.GET("/api/pieces?status=DRAFT&size=1"))).get("items");
        Object draft = ((Map<?, ?>) drafts.get(0)).get("id");
        HttpClientResponseException e = refused(asEditor(HttpRequest.POST("/api/publications",
                Map.of("pieceId", draft, "channelId", "facebook", "plannedAt", tomorrow))));
        assertEquals(HttpStatus.CONFLICT, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("\"code\":\"piece-not-approved\"") && body.contains("chỉ lên lịch được tin, bài đã duyệt"), body);
    }

    @Test
    void badRequestsNameWhatIsWrong() {
        assertEquals(HttpStatus.BAD_REQUEST, refused(asEditor(HttpRequest.POST("/api/publications",
                Map.of("pieceId", anApprovedPiece(), "channelId", "instagram", "plannedAt", tomorrow)))).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(asEditor(HttpRequest.POST("/api/publications",
                Map.of("pieceId", anApprovedPiece(), "channelId", "facebook")))).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(asEditor(HttpRequest.POST("/api/publications",
                Map.of("pieceId", anApprovedPiece(), "channelId", "facebook", "plannedAt", "2027-05-18T07:00")))).getStatus());
        assertEquals(HttpStatus.BAD_REQUEST, refused(asEditor(HttpRequest.POST("/api/publications",
                Map.of("pieceId", anApprovedPiece(), "channelId", "facebook", "plannedAt", "2020-01-01T07:00:00+07:00")))).getStatus());
        assertEquals(HttpStatus.NOT_FOUND, refused(asEditor(HttpRequest.GET("/api/publications/99999999"))).getStatus());
    }

    @Test
    void channelsShowTheirStateAndOnlyAdminsResumeThem() {
        List<?> channels = (List<?>) call(asEditor(HttpRequest.GET("/api/channels"))).get("items");
        Map<?, ?> facebook = channels.stream().map(c -> (Map<?, ?>) c).filter(c -> c.get("id").equals("facebook")).findFirst().orElseThrow();
        assertEquals("DRY_RUN", facebook.get("mode"));
        assertEquals("ACTIVE", facebook.get("state"));
        assertEquals(HttpStatus.FORBIDDEN, refused(asEditor(HttpRequest.POST("/api/channels/facebook/resume", ""))).getStatus());
        Map<String, Object> resumed = call(asAdmin(HttpRequest.POST("/api/channels/facebook/resume", "")));
        assertEquals("facebook", resumed.get("id"));
        assertEquals(null, resumed.get("pausedReason"));
    }
}
