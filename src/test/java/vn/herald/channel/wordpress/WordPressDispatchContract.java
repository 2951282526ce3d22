package vn.herald.channel.wordpress;

import vn.herald.channel.Priority;

import io.micronaut.data.model.Pageable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestClock;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WordPress portal end to end through the engine, on every database: scheduled, dispatched, published with the
 * site's id and address; an answer lost on the way found by its slug and never posted twice; a refused login pauses
 * the channel; dry-run keeps the requests with the password masked. The clock and the dispatcher are driven by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WordPressDispatchContract implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi
    static final String USER = "herald";
    static final String PASSWORD = "wxyz 1234 ABCD 5678 efgh IJKL";

    @Inject Publishing publishing;
    @Inject vn.herald.publishing.Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject TestClock clock;

    final MockWebServer site = new MockWebServer();
    final List<RecordedRequest> received = new CopyOnWriteArrayList<>();
    final ObjectMapper json = ObjectMapper.getDefault();
    volatile boolean slowPosts;
    volatile String existingPosts = "[]";
    volatile long nextPostId = 500;

    /** The database under test, added to the shared settings. */
    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            site.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    received.add(request);
                    return answer(request);
                }
            });
            site.start();
            Path dir = Files.createTempDirectory("herald-channels");
            String common = "type: EPORTAL\nplatform: wordpress\nusername: " + USER
                    + "\napplicationPasswordEnv: HERALD_WORDPRESS_APP_PASSWORD\ncategoryId: 5\nreadTimeoutSeconds: 1\n"
                    + "callTimeoutSeconds: 5\nrateLimitPerMinute: 100000\n";
            Files.writeString(dir.resolve("cong-wordpress.yml"), common + "mode: live\nsite: " + site.url("/") + "\n");
            Files.writeString(dir.resolve("cong-khoa.yml"), common + "mode: live\nsite: " + site.url("/khoa") + "\n");
            Files.writeString(dir.resolve("cong-thu.yml"), common + "mode: dry-run\nsite: " + site.url("/thu") + "\n");
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.test.wordpress-password", PASSWORD,
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The site: /khoa refuses every login; posts are created, or answered too late when {@code slowPosts}. */
    private MockResponse answer(RecordedRequest request) {
        String path = request.getRequestUrl().encodedPath();
        if (path.startsWith("/khoa/")) {
            return json(401, "{\"code\":\"incorrect_password\",\"message\":\"The provided password is an invalid application password.\",\"data\":{\"status\":401}}");
        }
        if (path.endsWith("/wp-json/wp/v2/media") && request.getMethod().equals("POST")) {
            return json(201, "{\"id\":77,\"source_url\":\"https://cong.example/wp-content/uploads/bia.png\"}");
        }
        if (path.endsWith("/wp-json/wp/v2/posts") && request.getMethod().equals("GET")) {
            return json(200, existingPosts);
        }
        if (path.endsWith("/wp-json/wp/v2/posts") && request.getMethod().equals("POST")) {
            long id = nextPostId++;
            MockResponse created = json(201, "{\"id\":" + id + ",\"status\":\"publish\",\"link\":\"https://cong.example/?p=" + id + "\"}");
            return slowPosts ? created.setHeadersDelay(3, TimeUnit.SECONDS) : created;
        }
        return json(404, "{\"code\":\"rest_no_route\",\"message\":\"No route was found matching the URL and request method.\"}");
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    @AfterAll
    void stopSite() throws IOException {
        site.shutdown();
    }

    @BeforeEach
    void morning() {
        clock.set(MORNING);
        slowPosts = false;
        existingPosts = "[]";
        received.clear();
    }

    private Piece anApprovedArticle() {
        return pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 1)).getContent().get(0);
    }

    private Publication scheduled(String channel) {
        return publishing.schedule(anApprovedArticle().id(), List.of(channel), MORNING, Priority.NORMAL, true, "bien-tap").get(0);
    }

    private List<RecordedRequest> postsCreated() {
        return received.stream().filter(r -> r.getMethod().equals("POST") && r.getRequestUrl().encodedPath().endsWith("/posts")).toList();
    }

    @Test
    void anApprovedArticleIsPublishedOnTheWordPressPortalWithTheSitesIdAndAddress() throws Exception {
        Publication publication = scheduled("cong-wordpress");

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        assertEquals("https://cong.example/?p=" + sent.externalId(), sent.externalUrl());
        List<RecordedRequest> posts = postsCreated();
        assertEquals(1, posts.size());
        RecordedRequest post = posts.get(0);
        assertEquals("Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)),
                post.getHeader("Authorization"));
        Map<?, ?> body = json.readValue(post.getBody().readUtf8(), Map.class);
        assertEquals(anApprovedArticle().slug(), body.get("slug"));
        assertEquals("publish", body.get("status"));
        assertEquals(List.of(5), body.get("categories"));
    }

    @Test
    void anAnswerLostOnTheWayIsFoundBySlugAndTheArticleIsNotPostedTwice() {
        Publication publication = scheduled("cong-wordpress");
        slowPosts = true;

        dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status());
        assertEquals(1, postsCreated().size());
        existingPosts = "[{\"id\":640,\"slug\":\"" + anApprovedArticle().slug() + "\",\"status\":\"publish\","
                + "\"link\":\"https://cong.example/?p=640\",\"date_gmt\":\"2027-05-17T01:00:01\"}]";
        clock.advance(Duration.ofMinutes(10));

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication found = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, found.status());
        assertEquals("640", found.externalId());
        assertEquals(1, postsCreated().size(), "found on the site, so not posted again");
        assertTrue(received.stream().anyMatch(r -> r.getMethod().equals("GET")
                && "any".equals(r.getRequestUrl().queryParameter("status"))
                && anApprovedArticle().slug().equals(r.getRequestUrl().queryParameter("slug"))));
    }

    @Test
    void aRefusedLoginPausesTheChannelWithAReasonInVietnamese() {
        Publication publication = scheduled("cong-khoa");

        dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        String reason = channels.get("cong-khoa").pausedReason();
        assertTrue(reason != null && reason.contains("không chấp nhận đăng nhập"), reason);
        assertFalse(reason.contains(PASSWORD));
        channels.resume("cong-khoa");
    }

    @Test
    void aDryRunKeepsTheRequestsThatWouldHaveGoneOutWithThePasswordMasked() {
        Publication publication = scheduled("cong-thu");

        dispatcher.dispatch(publication.id());

        Publication done = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, done.status());
        assertTrue(done.dryRunRequest().contains("/thu/wp-json/wp/v2/posts"), done.dryRunRequest());
        assertTrue(done.dryRunRequest().contains("***"), done.dryRunRequest());
        assertFalse(done.dryRunRequest().contains(PASSWORD), done.dryRunRequest());
        assertFalse(done.dryRunRequest().contains(Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8))), done.dryRunRequest());
        assertTrue(received.isEmpty(), "dry-run calls nothing");
    }
}
