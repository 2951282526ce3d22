package vn.herald.channel.facebook;

import io.micronaut.data.model.Pageable;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
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
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real Facebook adapter driven by the engine, written once and run on every database: a piece scheduled on a
 * live Page channel (pointing at a local fake of the Graph API) is published with the platform's id and address.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FacebookDispatchContract implements TestPropertyProvider {

    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 08:00 in Hanoi
    static final String PAGE = "104857392012345";
    static final String TOKEN = "EAAG-end-to-end-token";

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject Channels channels;
    @Inject TestClock clock;
    @Inject JsonMapper json;
    @Inject TransactionOperations<Connection> transactions;

    final MockWebServer graph = new MockWebServer();

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            graph.start();
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("facebook.yml"), """
                    type: FACEBOOK_PAGE
                    mode: live
                    pageId: "%s"
                    baseUrl: %s
                    accessTokenEnv: HERALD_FACEBOOK_PAGE_TOKEN
                    readTimeoutSeconds: 1
                    rateLimitPerMinute: 100000
                    """.formatted(PAGE, graph.url("/")));
            Files.writeString(dir.resolve("eportal.yml"), "type: EPORTAL\nmode: live\nbuiltIn: true\n");
            Files.writeString(dir.resolve("wordpress.yml"), "type: EPORTAL\nmode: live\nplatform: wordpress\nsite: https://cong.example\nusername: herald\n");
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.portal.public-url", "https://hoa-an.example.vn/",
                    "herald.test.clock", "true",
                    "herald.test.facebook-token", TOKEN,
                    "herald.publishing.scheduler-enabled", "false"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopGraph() throws IOException {
        graph.shutdown();
    }

    @BeforeEach
    void morning() throws InterruptedException {
        clock.set(MORNING);
        while (graph.takeRequest(0, TimeUnit.SECONDS) != null) {
            // requests of an earlier test
        }
    }

    @Test
    void anArticleAlsoOnThePortalIsPublishedOnThePageWithALinkAndKeepsThePostsIdAndAddress() throws Exception {
        Piece piece = anApprovedArticle(0);
        onPortalChannel(piece, "eportal");
        Publication publication = publishing.schedule(piece.id(), List.of("facebook"), MORNING, "bien-tap").get(0);
        graph.enqueue(answer("{\"id\":\"" + PAGE + "_1001\"}"));
        graph.enqueue(answer("{\"permalink_url\":\"https://www.facebook.com/" + PAGE + "/posts/1001\"}"));

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        assertEquals(PAGE + "_1001", sent.externalId());
        assertEquals("https://www.facebook.com/" + PAGE + "/posts/1001", sent.externalUrl());
        RecordedRequest post = graph.takeRequest(5, TimeUnit.SECONDS);
        assertEquals("/v25.0/" + PAGE + "/feed", post.getPath());
        assertEquals("Bearer " + TOKEN, post.getHeader("Authorization"));
        Map<String, String> fields = form(post.getBody().readUtf8());
        assertEquals("https://hoa-an.example.vn/portal/bai/" + piece.slug(), fields.get("link"));
        assertEquals(message(sent), fields.get("message"));
    }

    @Test
    void aPostWhoseAddressCannotBeReadIsPublishedWithAWarningNotAFailure() {
        Publication publication = publishing.schedule(anApprovedArticle(5).id(), List.of("facebook"), MORNING, "bien-tap").get(0);
        graph.enqueue(answer("{\"id\":\"" + PAGE + "_1005\"}"));
        graph.enqueue(new MockResponse().setResponseCode(500).setBody("{\"error\":{\"message\":\"x\",\"code\":2}}"));

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication sent = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, sent.status());
        assertEquals(PAGE + "_1005", sent.externalId());
        assertNull(sent.externalUrl());
        assertTrue(sent.warning() != null && sent.warning().contains("chưa đọc được địa chỉ"), sent.warning());
    }

    @Test
    void aPortalOnWordPressGivesNoLinkToTheBuiltInPortal() {
        Piece piece = anApprovedArticle(1);
        onPortalChannel(piece, "wordpress");
        Publication publication = publishing.schedule(piece.id(), List.of("facebook"), MORNING, "bien-tap").get(0);
        assertNull(post(publication).get("link"));
    }

    @Test
    void anExpiredTokenPausesTheChannelWithItsReason() {
        Publication publication = publishing.schedule(anApprovedArticle(2).id(), List.of("facebook"), MORNING, "bien-tap").get(0);
        graph.enqueue(new MockResponse().setResponseCode(400).setBody("{\"error\":{\"message\":\"Error validating access token\","
                + "\"type\":\"OAuthException\",\"code\":190,\"error_subcode\":460,\"fbtrace_id\":\"Ab1\"}}"));

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        assertEquals(PublicationStatus.NEEDS_ATTENTION, publishing.get(publication.id()).status());
        String reason = channels.get("facebook").pausedReason();
        assertTrue(reason.contains("hết hạn") && reason.contains("HERALD_FACEBOOK_PAGE_TOKEN"), reason);
        assertTrue(!reason.contains(TOKEN));
        publishing.resume("facebook", "admin");
    }

    @Test
    void aPostWhoseAnswerWasLostIsFoundOnThePageInsteadOfBeingPostedTwice() throws Exception {
        Publication publication = publishing.schedule(anApprovedArticle(3).id(), List.of("facebook"), MORNING, "bien-tap").get(0);
        graph.enqueue(answer("{\"id\":\"" + PAGE + "_2002\"}").setHeadersDelay(3, TimeUnit.SECONDS));

        Optional<Instant> retryAt = dispatcher.dispatch(publication.id());

        assertEquals(PublicationStatus.UNKNOWN, publishing.get(publication.id()).status());
        assertTrue(retryAt.isPresent());
        clock.set(retryAt.get());
        graph.enqueue(answer("{\"data\":[{\"id\":\"" + PAGE + "_2002\",\"message\":" + json.writeValueAsString(message(publication))
                + ",\"created_time\":\"2027-05-17T01:00:01+0000\",\"permalink_url\":\"https://www.facebook.com/" + PAGE + "/posts/2002\"}]}"));

        assertEquals(Optional.empty(), dispatcher.dispatch(publication.id()));

        Publication found = publishing.get(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, found.status());
        assertEquals(PAGE + "_2002", found.externalId());
        assertEquals("https://www.facebook.com/" + PAGE + "/posts/2002", found.externalUrl());
        List<String> calls = new ArrayList<>();
        for (RecordedRequest request; (request = graph.takeRequest(1, TimeUnit.SECONDS)) != null; ) {
            calls.add(request.getMethod() + " " + request.getRequestUrl().encodedPath());
        }
        assertEquals(List.of("POST /v25.0/" + PAGE + "/feed", "GET /v25.0/" + PAGE + "/feed"), calls, "posted once, then looked");
    }

    private Piece anApprovedArticle(int index) {
        return pieces.list(new Pieces.Filter(null, PieceKind.ARTICLE, PieceStatus.APPROVED, null, null, null),
                Pageable.from(0, 10)).getContent().get(index);
    }

    /** A publication of the piece on a portal channel: written directly, as no portal adapter is needed for it. */
    private void onPortalChannel(Piece piece, String channelId) {
        OffsetDateTime now = MORNING.atOffset(ZoneOffset.UTC);
        transactions.executeWrite(status -> {
            try (PreparedStatement insert = status.getConnection().prepareStatement("insert into publication (piece_id, "
                    + "piece_revision, channel_id, unit_code, planned_at, deadline, status, payload, payload_summary, attempts, "
                    + "created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'SCHEDULED', '{}', '', 0, 'test', ?, ?)")) {
                insert.setLong(1, piece.id());
                insert.setInt(2, piece.revision());
                insert.setString(3, channelId);
                insert.setString(4, piece.unitCode());
                insert.setObject(5, now);
                insert.setObject(6, now.plusDays(1));
                insert.setObject(7, now);
                insert.setObject(8, now);
                return insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Map<?, ?> post(Publication publication) {
        try {
            return json.readValue(publication.payload(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String message(Publication publication) {
        return (String) post(publication).get("message");
    }

    private static MockResponse answer(String body) {
        return new MockResponse().setHeader("Content-Type", "application/json").setBody(body);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
