package vn.herald.upstream;

import io.micronaut.data.model.Pageable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
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
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Upstream feeds on every database: RSS and Atom items become DRAFT articles with their source, cleaned; an item is
 * imported once across runs, feeds and instances; a broken feed is reported and the others still read. Each test
 * writes items carrying its own word, and looks only at the pieces with that word.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UpstreamFeedsContract implements TestPropertyProvider {

    static final String EMPTY_RSS = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Trống</title>"
            + "<link>https://trong.example/</link><description>Trống</description></channel></rss>";

    @Inject UpstreamFeeds feeds;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Accounts accounts;
    @Inject @Client("/") HttpClient http;

    final MockWebServer upstream = new MockWebServer();
    /** What each feed path answers; a path without a body answers an empty feed. */
    final Map<String, MockResponse> answers = new ConcurrentHashMap<>();
    String word;

    /** The database under test, added to the shared settings. */
    abstract Map<String, String> databaseProperties();

    @Override
    public Map<String, String> getProperties() {
        try {
            upstream.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    MockResponse answer = answers.get(request.getRequestUrl().encodedPath());
                    return answer != null ? answer : xml(EMPTY_RSS);
                }
            });
            upstream.start();
            Path dir = Files.createTempDirectory("herald-channels");
            Files.writeString(dir.resolve("cong-xa.yml"), """
                    type: EPORTAL
                    mode: dry-run
                    builtIn: true
                    upstreamFeeds:
                      - url: %s
                        name: Cổng thông tin điện tử tỉnh
                        topics: [Chuyển đổi số]
                        allowPrivateAddresses: true
                      - url: %s
                        name: Bộ Thông tin và Truyền thông
                        allowPrivateAddresses: true
                      - url: %s
                        name: Báo tỉnh
                        allowPrivateAddresses: true
                      - url: %s
                        name: Nguồn hỏng
                        allowPrivateAddresses: true
                    """.formatted(upstream.url("/tinh.rss"), upstream.url("/bo.atom"), upstream.url("/bao.rss"),
                    upstream.url("/hong.rss")));
            Map<String, String> properties = new HashMap<>(databaseProperties());
            properties.putAll(Map.of(
                    "herald.channels-dir", dir.toString(),
                    "herald.test.clock", "true",
                    "herald.publishing.scheduler-enabled", "false",
                    "herald.upstream.read-timeout", "2s",
                    "herald.upstream.call-timeout", "5s",
                    "herald.upstream.max-bytes", "65536"));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    void stopUpstream() throws IOException {
        upstream.shutdown();
    }

    @BeforeEach
    void freshWord() {
        TestUsers.ensure(accounts);
        answers.clear();
        word = "tu" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    // --- feeds as the sources write them

    private static MockResponse xml(String body) {
        return new MockResponse().setHeader("Content-Type", "application/rss+xml; charset=utf-8").setBody(body);
    }

    private String rssItem(String guid, String link, String title, String html) {
        return "<item><title>" + title + " " + word + "</title>" + (link == null ? "" : "<link>" + link + "</link>")
                + (guid == null ? "" : "<guid isPermaLink=\"false\">" + guid + "</guid>")
                + "<description><![CDATA[" + html + "]]></description>"
                + "<pubDate>Mon, 17 May 2027 01:00:00 GMT</pubDate></item>";
    }

    private static String rss(String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Tin tỉnh</title>"
                + "<link>https://tinh.example/</link><description>Tin tức</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private String atom(String id, String link, String title, String html) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Tin Bộ</title>"
                + "<id>urn:bo:tin</id><updated>2027-05-17T01:00:00Z</updated>"
                + "<entry><title>" + title + " " + word + "</title><id>" + id + "</id><link href=\"" + link + "\"/>"
                + "<updated>2027-05-17T01:00:00Z</updated><content type=\"html\"><![CDATA[" + html + "]]></content></entry></feed>";
    }

    private List<Piece> imported() {
        return pieces.list(new Pieces.Filter(null, null, null, null, null, word), Pageable.from(0, 100)).getContent();
    }

    private UpstreamFeeds.FeedStatus statusOf(List<UpstreamFeeds.FeedStatus> statuses, String name) {
        return statuses.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    // --- the behaviour

    @Test
    void rssAndAtomItemsBecomeDraftArticlesWithTheirSourceCleanedOfScripts() {
        answers.put("/tinh.rss", xml(rss(
                rssItem("tinh-" + word + "-1", "https://tinh.example/tin/" + word + "-1", "Hội nghị chuyển đổi số",
                        "<p onclick=\"steal()\">Nội dung <b>chính</b>.</p><script>alert('x')</script>"
                                + "<img src=\"/anh/hoi-nghi.jpg\" onerror=\"alert(1)\" alt=\"Hội nghị\">"),
                rssItem(null, "https://tinh.example/tin/" + word + "-2", "Lịch tiếp dân", "<p>Thứ Năm hằng tuần.</p>"))));
        answers.put("/bo.atom", xml(atom("urn:bo:" + word, "https://bo.example/tin/" + word, "Thông tư mới",
                "<p>Hiệu lực từ 1/7.</p><iframe src=\"https://evil.example\"></iframe>")));

        List<UpstreamFeeds.FeedStatus> statuses = feeds.fetchAll();

        assertEquals(2, statusOf(statuses, "Cổng thông tin điện tử tỉnh").itemsNew());
        assertEquals(1, statusOf(statuses, "Bộ Thông tin và Truyền thông").itemsNew());
        List<Piece> drafts = imported();
        assertEquals(3, drafts.size());
        for (Piece piece : drafts) {
            assertEquals(PieceStatus.DRAFT, piece.status());
            assertEquals(PieceKind.ARTICLE, piece.kind());
            assertFalse(piece.body().contains("<script"), piece.body());
            assertFalse(piece.body().contains("onerror"), piece.body());
            assertFalse(piece.body().contains("onclick"), piece.body());
            assertFalse(piece.body().contains("iframe"), piece.body());
            assertTrue(piece.body().contains("Nguồn: <a href=\"https://"), piece.body());
        }
        Piece conference = drafts.stream().filter(p -> p.title().startsWith("Hội nghị")).findFirst().orElseThrow();
        assertEquals("nguồn: Cổng thông tin điện tử tỉnh", conference.author());
        assertEquals(List.of("Chuyển đổi số"), conference.topics());
        assertTrue(conference.body().contains("<b>chính</b>"), conference.body());
        assertTrue(conference.body().contains("src=\"https://tinh.example/anh/hoi-nghi.jpg\""), "relative picture made absolute: "
                + conference.body());
        assertTrue(conference.body().contains("href=\"https://tinh.example/tin/" + word + "-1\">Cổng thông tin điện tử tỉnh</a>"),
                conference.body());
        Piece circular = drafts.stream().filter(p -> p.title().startsWith("Thông tư")).findFirst().orElseThrow();
        assertEquals("nguồn: Bộ Thông tin và Truyền thông", circular.author());
        assertTrue(circular.body().contains("https://bo.example/tin/" + word), circular.body());
    }

    @Test
    void controlCharactersEscapedInAFeedItemLeaveTheDraftAndAnOverlongTitleIsCutToTheLimit() {
        answers.put("/tinh.rss", xml(rss(
                rssItem("c-" + word, "https://tinh.example/tin/c-" + word, "Tin&amp;#1; có&amp;#27; ký tự lạ",
                        "<p>Chuông&#7; và&#0; NUL</p>"),
                rssItem("d-" + word, "https://tinh.example/tin/d-" + word, word + " " + "Dài ".repeat(100),
                        "<p>Tiêu đề rất dài.</p>"))));

        feeds.fetchAll();

        Piece odd = imported().stream().filter(p -> p.title().startsWith("Tin")).findFirst().orElseThrow();
        assertEquals("Tin có ký tự lạ " + word, odd.title());
        assertTrue(odd.body().startsWith("<p>Chuông và NUL</p>"), odd.body());
        Piece overlong = imported().stream().filter(p -> p.title().startsWith(word)).findFirst().orElseThrow();
        assertTrue(overlong.title().length() <= 300 && overlong.title().endsWith("…"), overlong.title());
    }

    @Test
    void aSecondReadingCreatesNothingNew() {
        answers.put("/tinh.rss", xml(rss(rssItem("g-" + word, "https://tinh.example/tin/" + word, "Tin một", "<p>Một.</p>"),
                rssItem(null, null, "Chỉ có tiêu đề", "<p>Không có đường dẫn.</p>"))));

        feeds.fetchAll();
        List<UpstreamFeeds.FeedStatus> again = feeds.fetchAll();

        assertEquals(2, imported().size());
        UpstreamFeeds.FeedStatus status = statusOf(again, "Cổng thông tin điện tử tỉnh");
        assertEquals(0, status.itemsNew());
        assertEquals(2, status.itemsRead());
        assertTrue(status.ok());
    }

    @Test
    void theSameNewsInTwoFeedsIsImportedOnce() {
        answers.put("/tinh.rss", xml(rss(rssItem("tinh-" + word, "https://tinh.example/tin/" + word, "Tin chung", "<p>A.</p>"))));
        // the newspaper gives its own GUID and a tracking-decorated address of the same page
        answers.put("/bao.rss", xml(rss(rssItem("bao-" + word, "http://www.tinh.example/tin/" + word + "/?utm_source=rss#top",
                "Tin chung", "<p>A.</p>"))));

        feeds.fetchAll();

        assertEquals(1, imported().size());
    }

    @Test
    void aBrokenFeedIsReportedAndTheOthersAreStillImported() {
        answers.put("/hong.rss", xml("<rss version=\"2.0\"><channel><title>Hỏng</title><item><title>không đóng thẻ"));
        answers.put("/bao.rss", new MockResponse().setResponseCode(500).setBody("Internal Server Error"));
        answers.put("/tinh.rss", xml(rss(rssItem("g-" + word, "https://tinh.example/tin/" + word, "Tin vẫn đến", "<p>Vẫn đến.</p>"))));

        List<UpstreamFeeds.FeedStatus> statuses = feeds.fetchAll();

        UpstreamFeeds.FeedStatus broken = statusOf(statuses, "Nguồn hỏng");
        assertFalse(broken.ok());
        assertTrue(broken.message().contains("không phải RSS hay Atom hợp lệ"), broken.message());
        UpstreamFeeds.FeedStatus failing = statusOf(statuses, "Báo tỉnh");
        assertFalse(failing.ok());
        assertTrue(failing.message().contains("HTTP 500"), failing.message());
        assertTrue(statusOf(statuses, "Cổng thông tin điện tử tỉnh").ok());
        assertEquals(1, imported().size());
        assertEquals(statuses.stream().map(UpstreamFeeds.FeedStatus::message).toList(),
                feeds.statuses().stream().map(UpstreamFeeds.FeedStatus::message).toList(), "the last results are kept");
    }

    @Test
    void aFeedTooLargeTooSlowOrWithADoctypeIsRefusedWithItsReason() {
        answers.put("/hong.rss", xml(rss(rssItem("g-" + word, "https://tinh.example/" + word, "Dài", "x".repeat(70_000)))));
        answers.put("/bao.rss", xml(EMPTY_RSS).setHeadersDelay(3, TimeUnit.SECONDS));
        answers.put("/bo.atom", xml(rss(rssItem("g2-" + word, "https://tinh.example/2/" + word, "&xxe;", "<p>x</p>"))
                .replace("?>", "?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")));

        List<UpstreamFeeds.FeedStatus> statuses = feeds.fetchAll();

        assertTrue(statusOf(statuses, "Nguồn hỏng").message().contains("giới hạn 65536 byte"),
                statusOf(statuses, "Nguồn hỏng").message());
        assertTrue(statusOf(statuses, "Báo tỉnh").message().contains("không trả lời kịp"), statusOf(statuses, "Báo tỉnh").message());
        UpstreamFeeds.FeedStatus doctype = statusOf(statuses, "Bộ Thông tin và Truyền thông");
        assertFalse(doctype.ok(), doctype.message());
        assertEquals(0, imported().size());
    }

    @Test
    void nothingImportedIsEverApprovedOrScheduled() {
        answers.put("/tinh.rss", xml(rss(rssItem("g-" + word, "https://tinh.example/tin/" + word, "Tin", "<p>Tin.</p>"))));
        answers.put("/bo.atom", xml(atom("urn:bo:" + word, "https://bo.example/tin/" + word, "Tin Bộ", "<p>Tin.</p>")));

        feeds.fetchAll();

        List<Piece> drafts = imported();
        assertEquals(2, drafts.size());
        for (Piece piece : drafts) {
            assertEquals(PieceStatus.DRAFT, piece.status());
            assertEquals(0, publishing.list(new Publishing.Filter(null, null, piece.id(), null, null), Pageable.from(0, 10))
                    .getTotalSize());
            assertEquals(List.of(PieceStatus.DRAFT), pieces.events(piece.id()).stream().map(e -> e.toStatus()).toList());
        }
    }

    @Test
    void twoInstancesReadingAtOnceImportEachItemOnce() throws Exception {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            items.append(rssItem("g-" + word + "-" + i, "https://tinh.example/tin/" + word + "-" + i, "Tin số " + i, "<p>" + i + "</p>"));
        }
        answers.put("/tinh.rss", xml(rss(items.toString())));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<UpstreamFeeds.FeedStatus>>> runs = List.of(
                    pool.submit(() -> { start.await(); return feeds.fetchAll(); }),
                    pool.submit(() -> { start.await(); return feeds.fetchAll(); }));
            start.countDown();
            int created = 0;
            for (Future<List<UpstreamFeeds.FeedStatus>> run : runs) {
                UpstreamFeeds.FeedStatus status = statusOf(run.get(60, TimeUnit.SECONDS), "Cổng thông tin điện tử tỉnh");
                assertTrue(status.ok(), status.message());
                created += status.itemsNew();
            }
            assertEquals(8, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(8, imported().size());
    }

    // --- the API

    @Test
    void anyoneLoggedInSeesTheFeedsAndOnlyEditorsAndAdminsStartAReading() {
        HttpResponse<String> list = http.toBlocking().exchange(TestUsers.asApprover(HttpRequest.GET("/api/upstream-feeds")), String.class);
        assertEquals(HttpStatus.OK, list.getStatus());
        assertTrue(list.body().contains("Cổng thông tin điện tử tỉnh"), list.body());
        assertTrue(list.body().contains("\"total\":4"), list.body());

        HttpClientResponseException anonymous = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/upstream-feeds"), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, anonymous.getStatus());

        HttpClientResponseException approver = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(TestUsers.asApprover(HttpRequest.POST("/api/upstream-feeds/fetch", "")), String.class));
        assertEquals(HttpStatus.FORBIDDEN, approver.getStatus());

        answers.put("/tinh.rss", xml(rss(rssItem("g-" + word, "https://tinh.example/tin/" + word, "Tin", "<p>Tin.</p>"))));
        HttpResponse<String> fetched = http.toBlocking().exchange(TestUsers.asEditor(HttpRequest.POST("/api/upstream-feeds/fetch", "")), String.class);
        assertEquals(HttpStatus.OK, fetched.getStatus());
        assertTrue(fetched.body().contains("\"itemsNew\":1"), fetched.body());
        assertEquals(1, imported().size());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(
                TestUsers.asAdmin(HttpRequest.POST("/api/upstream-feeds/fetch", "")), String.class).getStatus());
    }
}
