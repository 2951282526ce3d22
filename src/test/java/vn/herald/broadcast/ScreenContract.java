package vn.herald.broadcast;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.TestVideos;
import vn.herald.account.Accounts;
import vn.herald.channel.Priority;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A screen's loop as its manifest shows it, on every database: what is published live is in, what is cancelled,
 * expired, past its show days or only dry-run is not; an emergency comes first until its end; the hall's opening
 * hours follow the (set) clock; a wrong token finds nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScreenContract implements TestPropertyProvider {

    /** Monday 17 May 2027, 08:00 in Hanoi: the hall is open. */
    static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z");

    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject Pieces pieces;
    @Inject TestClock clock;
    @Inject Accounts accounts;
    @Inject ScreenLoops loops;
    @Inject JsonMapper json;
    @Inject Assets assets;
    @Inject @Client("/") HttpClient http;

    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        String hours = """
                openingHours:
                  - days: [MON, TUE, WED, THU, FRI]
                    open: "07:30"
                    close: "17:00"
                slideSeconds: 5
                showDays: 3
                emergencyMinutes: 30
                pollSeconds: 1
                """;
        Map<String, String> properties = new HashMap<>(databaseProperties());
        properties.putAll(Map.of(
                "herald.channels-dir", TestChannels.folder(Map.of(
                        "man-hinh.yml", "type: SCREEN\nmode: live\nname: Màn hình hội trường\n" + hours,
                        "man-hinh-thu.yml", "type: SCREEN\nmode: dry-run\nname: Màn hình chạy thử\n" + hours)).toString(),
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false"));
        return properties;
    }

    @BeforeEach
    void morning() {
        clock.set(MORNING);
        TestUsers.ensure(accounts);
    }

    // --- helpers

    private Piece anApprovedArticle(String title, String summary) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, summary, "<p>" + summary + "</p>", null,
                null, null, null, null, null, null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private Publication published(Piece piece, String channel, Priority priority) {
        Publication publication = publishing.schedule(piece.id(), List.of(channel), clock.instant(), priority, true,
                "bien-tap").get(0);
        dispatcher.dispatch(publication.id());
        assertEquals(PublicationStatus.PUBLISHED, publishing.get(publication.id()).status());
        return publication;
    }

    private String token(String channel) {
        String url = loops.addresses().stream().filter(listed -> listed.channelId().equals(channel)).findFirst()
                .orElseThrow().url();
        assertNotNull(url, "the admin sees the kiosk address");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private ScreenLoops.Manifest manifest(String channel) {
        try {
            return json.readValue(http.toBlocking().retrieve("/screen/" + token(channel) + "/manifest.json"),
                    ScreenLoops.Manifest.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> ids(List<ScreenLoops.Shown> shown) {
        return shown.stream().map(ScreenLoops.Shown::publicationId).toList();
    }

    // --- tests

    @Test
    void aLivePublicationIsInTheLoopAndADryRunOnlyRecordsWhatItWouldShow() {
        Piece piece = anApprovedArticle("Lịch tiếp công dân tháng 5", "Chủ tịch xã tiếp công dân sáng thứ Năm.");
        Publication live = published(piece, "man-hinh", Priority.NORMAL);
        ScreenLoops.Manifest manifest = manifest("man-hinh");
        ScreenLoops.Shown slide = manifest.slides().stream().filter(s -> s.publicationId() == live.id()).findFirst().orElseThrow();
        assertEquals("Lịch tiếp công dân tháng 5", slide.title());
        assertEquals("Chủ tịch xã tiếp công dân sáng thứ Năm.", slide.text(), "an article shows its title and summary");
        assertEquals(5, slide.seconds());
        assertTrue(manifest.ticker().contains("Lịch tiếp công dân tháng 5"));

        Publication dry = published(piece, "man-hinh-thu", Priority.NORMAL);
        assertTrue(publishing.get(dry.id()).dryRunRequest().contains("Lịch tiếp công dân tháng 5"),
                "the dry run records the slide it would show");
        assertEquals(List.of(), manifest("man-hinh-thu").slides(), "and the dry-run screen's loop is left as it was");
    }

    @Test
    void aVideoIsASlideOfItsOwnLengthWithItsCaptionsAndIsServedInRanges() throws IOException {
        TestVideos.needFfmpeg("ScreenContract's video slide");
        Piece piece = TestVideos.approvedVideo(pieces, "Ngày Chuyển đổi số 10/10", "Video ngắn về VNeID", 3, 40);
        Publication live = published(piece, "man-hinh", Priority.NORMAL);
        ScreenLoops.Shown slide = manifest("man-hinh").slides().stream().filter(s -> s.publicationId() == live.id())
                .findFirst().orElseThrow();
        String video = assets.find(pieces.get(piece.id()).videoAssetId()).orElseThrow().sha256();
        String captions = assets.find(pieces.get(piece.id()).captionsAssetId()).orElseThrow().sha256();
        assertEquals("VIDEO", slide.kind().name());
        assertEquals("files/" + video, slide.video());
        assertEquals("files/" + captions, slide.captions());
        assertEquals(3, slide.seconds(), "a video stays on the screen for its own length, not slideSeconds");

        String base = "/screen/" + token("man-hinh") + "/";
        long size = java.nio.file.Files.size(assets.fileOf(assets.findBySha256(video).orElseThrow()));
        HttpResponse<byte[]> part = http.toBlocking().exchange(HttpRequest.GET(base + slide.video()).header("Range",
                "bytes=100-199"), byte[].class);
        assertEquals(HttpStatus.PARTIAL_CONTENT, part.getStatus());
        assertEquals("bytes 100-199/" + size, part.getHeaders().get("Content-Range"));
        assertEquals(100, part.body().length);
        assertEquals("video/mp4", part.getContentType().orElseThrow().toString());
        String vtt = http.toBlocking().retrieve(base + slide.captions());
        assertTrue(vtt.startsWith("WEBVTT") && vtt.contains("Ngày Chuyển đổi số quốc gia 10/10"), vtt);

        publishing.cancel(live.id(), "Hết đợt tuyên truyền", "bien-tap");
        HttpClientResponseException gone = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(base + "files/" + video, byte[].class));
        assertEquals(HttpStatus.NOT_FOUND, gone.getStatus(), "a video no longer in the loop is not served by the token");
    }

    @Test
    void cancelledExpiredAndOldPublicationsLeaveTheLoop() {
        Publication cancelled = published(anApprovedArticle("Tin sẽ rút", "Tin này bị rút khỏi màn hình."), "man-hinh",
                Priority.NORMAL);
        assertTrue(ids(manifest("man-hinh").slides()).contains(cancelled.id()));
        publishing.cancel(cancelled.id(), "Thông tin đã thay đổi", "bien-tap");
        assertFalse(ids(manifest("man-hinh").slides()).contains(cancelled.id()), "a cancelled piece leaves at once");

        Piece late = anApprovedArticle("Tin gửi muộn", "Tin này quá hạn trước khi lên màn hình.");
        Publication expired = publishing.schedule(late.id(), List.of("man-hinh"), clock.instant(), Priority.NORMAL, true,
                "bien-tap").get(0);
        clock.advance(Duration.ofDays(1));
        dispatcher.dispatch(expired.id());
        assertEquals(PublicationStatus.EXPIRED, publishing.get(expired.id()).status());
        assertFalse(ids(manifest("man-hinh").slides()).contains(expired.id()));

        Publication old = published(anApprovedArticle("Tin ba ngày", "Tin ở lại ba ngày."), "man-hinh", Priority.NORMAL);
        clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertTrue(ids(manifest("man-hinh").slides()).contains(old.id()));
        clock.advance(Duration.ofMinutes(1));
        assertFalse(ids(manifest("man-hinh").slides()).contains(old.id()), "gone after its show days");
    }

    @Test
    void anEmergencyComesFirstUntilItsEnd() {
        clock.set(MORNING.plus(Duration.ofDays(7)));
        Publication normal = published(anApprovedArticle("Lịch tiêm chủng", "Tiêm chủng tại trạm y tế xã."), "man-hinh",
                Priority.NORMAL);
        Publication urgent = published(anApprovedArticle("Bão số 3 đổ bộ", "Bà con không ra khơi."), "man-hinh",
                Priority.EMERGENCY);
        ScreenLoops.Manifest manifest = manifest("man-hinh");
        assertEquals(List.of(urgent.id()), ids(manifest.emergency()));
        assertTrue(ids(manifest.slides()).contains(normal.id()));
        assertFalse(ids(manifest.slides()).contains(urgent.id()), "an emergency is not a slide of the loop");
        assertEquals(OffsetDateTime.parse("2027-05-24T08:30+07:00").toInstant(), manifest.emergency().get(0).until().toInstant());

        clock.advance(Duration.ofMinutes(30));
        assertEquals(List.of(), manifest("man-hinh").emergency(), "the loop plays again after the emergency's end");
    }

    @Test
    void theScreenFollowsTheOpeningHours() {
        ScreenLoops.Manifest open = manifest("man-hinh");
        assertTrue(open.open());
        assertEquals(OffsetDateTime.parse("2027-05-17T17:00+07:00"), open.nextChange());
        clock.set(Instant.parse("2027-05-17T10:30:00Z")); // 17:30 on Monday
        ScreenLoops.Manifest evening = manifest("man-hinh");
        assertFalse(evening.open());
        assertEquals(OffsetDateTime.parse("2027-05-18T07:30+07:00"), evening.nextChange());
        clock.set(Instant.parse("2027-05-22T02:00:00Z")); // 09:00 on Saturday
        assertFalse(manifest("man-hinh").open());
    }

    @Test
    void anUnchangedLoopAnswers304AndAWrongTokenFindsNothing() {
        String path = "/screen/" + token("man-hinh") + "/manifest.json";
        HttpResponse<String> first = http.toBlocking().exchange(path, String.class);
        String etag = first.getHeaders().get("ETag");
        assertNotNull(etag);
        HttpResponse<String> again = http.toBlocking().exchange(HttpRequest.GET(path).header("If-None-Match", etag), String.class);
        assertEquals(HttpStatus.NOT_MODIFIED, again.getStatus());

        String wrong = "A".repeat(43);
        for (String address : List.of("/screen/" + wrong, "/screen/" + wrong + "/manifest.json",
                "/screen/" + wrong + "/files/" + "0".repeat(64), "/screen/kh%C3%B4ng-ph%E1%BA%A3i/manifest.json")) {
            HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                    () -> http.toBlocking().exchange(address, String.class));
            assertEquals(HttpStatus.NOT_FOUND, refused.getStatus(), address);
        }
    }
}
