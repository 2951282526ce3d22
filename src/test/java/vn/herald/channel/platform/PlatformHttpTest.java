package vn.herald.channel.platform;

import io.micronaut.serde.ObjectMapper;
import okhttp3.Headers;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one client every platform call goes through, and the one answer type. */
class PlatformHttpTest {

    private static final Instant NOW = Instant.parse("2027-05-17T01:00:00Z");
    private static final Timeouts QUICK = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final PlatformHttp http = new PlatformHttp(new PlatformConfig("Herald (test)"), json);
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Request post() {
        return new Request.Builder().url(server.url("/posts")).post(RequestBody.create(new byte[]{1})).build();
    }

    @Test
    void everyCallSaysItIsHerald() throws Exception {
        server.enqueue(new MockResponse().setBody("{}"));
        http.exchange(QUICK, post());
        assertEquals("Herald (test)", server.takeRequest().getHeader("User-Agent"));
    }

    @Test
    void aRedirectedPostIsAnAnswerNotAFollowedGet() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", server.url("/elsewhere")));
        server.enqueue(new MockResponse().setBody("{}"));

        PlatformAnswer answer = http.exchange(QUICK, post());

        assertEquals(301, answer.status());
        assertEquals(Optional.of(server.url("/elsewhere").toString()), answer.header("Location"));
        assertEquals(1, server.getRequestCount(), "the redirect was not followed");
    }

    @Test
    void aCutConnectionIsNeverRetriedByTheClient() {
        server.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.DISCONNECT_AFTER_REQUEST));
        server.enqueue(new MockResponse().setBody("{}"));

        assertThrows(IOException.class, () -> http.exchange(QUICK, post()));

        assertEquals(1, server.getRequestCount(), "a repeated POST could post twice");
    }

    @Test
    void theBodyIsReadAsTypedJsonAndAnythingElseReadsAsEmpty() throws Exception {
        server.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"code\":190}}"));
        server.enqueue(new MockResponse().setResponseCode(502).setBody("<html>Bad gateway</html>"));

        PlatformAnswer error = http.exchange(QUICK, post());
        PlatformAnswer proxy = http.exchange(QUICK, post());

        assertEquals(Map.of("code", 190), error.object().orElseThrow().get("error"));
        assertEquals(Optional.empty(), proxy.object());
        assertEquals("<html>Bad gateway</html>", proxy.bodyExcerpt());
    }

    @Test
    void retryAfterIsReadInSecondsOrAsAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), answer("120").retryAfter(NOW));
        assertEquals(Optional.of(Duration.ofMinutes(10)), answer("Mon, 17 May 2027 01:10:00 GMT").retryAfter(NOW));
        assertEquals(Optional.of(Duration.ZERO), answer("Mon, 17 May 2027 00:10:00 GMT").retryAfter(NOW), "a date gone by");
        assertEquals(Optional.empty(), answer("soon").retryAfter(NOW));
        assertEquals(Optional.empty(), new PlatformAnswer(429, Headers.of(), "", json).retryAfter(NOW));
    }

    @Test
    void aSecretIsReadByItsVariableAndABlankOneIsNone() {
        Secrets secrets = Secrets.of(Map.of("HERALD_FACEBOOK_PAGE_TOKEN", "  EAAG-token \n", "HERALD_EMPTY", "  "));
        assertEquals(Optional.of("EAAG-token"), secrets.get("HERALD_FACEBOOK_PAGE_TOKEN"));
        assertEquals(Optional.empty(), secrets.get("HERALD_EMPTY"));
        assertEquals(Optional.empty(), secrets.get("HERALD_MISSING"));
    }

    private PlatformAnswer answer(String retryAfter) {
        return new PlatformAnswer(429, Headers.of("Retry-After", retryAfter), "", json);
    }
}
