package vn.herald.channel.facebook;

import io.micronaut.serde.ObjectMapper;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.ChannelType;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.platform.PlatformConfig;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.content.HtmlText;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engagement read back from a local fake of the Graph API answering the documented insights shapes. */
class FacebookEngagementTest {

    private static final Instant NOW = Instant.parse("2027-05-17T01:00:00Z");
    private static final String TOKEN = "EAAGtest-page-token-never-shown";
    private static final String PAGE = "104857392012345";
    private static final List<String> DEPRECATED = List.of("post_impressions", "page_impressions", "page_fans",
            "page_engaged_users", "post_engaged_users");

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final TestClock clock = new TestClock();
    private MockWebServer server;
    private Optional<String> token = Optional.of(TOKEN);
    private FacebookPageAdapter adapter;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
        clock.set(NOW);
        ImageFiles noImages = new ImageFiles() {
            @Override
            public Optional<FacebookPost.PostImage> byId(long assetId, String altText) {
                return Optional.empty();
            }

            @Override
            public Optional<FacebookPost.PostImage> bySha256(String sha256, String altText) {
                return Optional.empty();
            }

            @Override
            public byte[] read(FacebookPost.PostImage image) {
                return new byte[0];
            }
        };
        adapter = new FacebookPageAdapter(new FacebookRender(json, new HtmlText(), noImages, piece -> Optional.empty()),
                new GraphCalls(new PlatformHttp(new PlatformConfig("Herald test"), json), json, noImages, clock),
                variable -> token, json);
    }

    @AfterEach
    void stop() throws IOException {
        server.shutdown();
    }

    private Channel channel(ChannelMode mode) {
        try {
            return new Channel("facebook", "xa-hoa-an", ChannelType.FACEBOOK_PAGE, mode, "Fanpage",
                    json.writeValueAsString(Map.of("pageId", PAGE, "baseUrl", server.url("/").toString(),
                            "readTimeoutSeconds", 2, "callTimeoutSeconds", 5)), "hash", null, NOW, NOW);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockResponse answer(int status, String body) {
        return new MockResponse().setResponseCode(status).setHeader("Content-Type", "application/json").setBody(body);
    }

    private static MockResponse error(int code, Integer subcode, String message) {
        return answer(400, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"OAuthException\",\"code\":" + code
                + (subcode == null ? "" : ",\"error_subcode\":" + subcode) + ",\"fbtrace_id\":\"AbC123\"}}");
    }

    /** The Page node with its likes and the page_follows insight, as Graph answers a field expansion. */
    private static MockResponse page(long likes, long follows) {
        return answer(200, "{\"fan_count\":" + likes + ",\"insights\":{\"data\":[{\"name\":\"page_follows\",\"period\":\"day\","
                + "\"values\":[{\"value\":" + (follows - 3) + ",\"end_time\":\"2027-05-15T07:00:00+0000\"},{\"value\":" + follows
                + ",\"end_time\":\"2027-05-16T07:00:00+0000\"}],\"title\":\"Lượt theo dõi\",\"id\":\"" + PAGE
                + "/insights/page_follows/day\"}],\"paging\":{}},\"id\":\"" + PAGE + "\"}");
    }

    private static String post(String id, long reactions, long comments, Long shares, long viewers) {
        return "\"" + id + "\":{\"reactions\":{\"data\":[],\"summary\":{\"total_count\":" + reactions + ",\"viewer_reaction\":\"NONE\"}},"
                + "\"comments\":{\"data\":[],\"summary\":{\"order\":\"ranked\",\"total_count\":" + comments + ",\"can_comment\":true}},"
                + (shares == null ? "" : "\"shares\":{\"count\":" + shares + "},")
                + "\"insights\":{\"data\":[{\"name\":\"post_total_media_view_unique\",\"period\":\"lifetime\",\"values\":[{\"value\":"
                + viewers + "}],\"id\":\"" + id + "/insights/post_total_media_view_unique/lifetime\"}]},\"id\":\"" + id + "\"}";
    }

    private static List<PublishedPost> posts(int count) {
        List<PublishedPost> posts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            posts.add(new PublishedPost(100 + i, PAGE + "_" + i, NOW.minus(Duration.ofDays(i))));
        }
        return posts;
    }

    private List<RecordedRequest> requests() throws InterruptedException {
        List<RecordedRequest> requests = new ArrayList<>();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertNotNull(request);
            requests.add(request);
        }
        return requests;
    }

    @Test
    void followersAndThreePostsAreReadInTwoCallsWithoutAnyDeprecatedMetric() throws Exception {
        server.enqueue(page(1520, 1480));
        server.enqueue(answer(200, "{" + post(PAGE + "_1", 42, 7, 3L, 930) + "," + post(PAGE + "_2", 5, 0, null, 210)
                + "," + post(PAGE + "_3", 0, 1, 1L, 12) + "}"));

        EngagementReading reading = adapter.readEngagement(channel(ChannelMode.LIVE), posts(3));

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, reading);
        assertEquals(Map.of(Metric.FOLLOWERS, 1480L), figures.channel(), "the latest page_follows value");
        assertEquals(Map.of(Metric.REACTIONS, 42L, Metric.COMMENTS, 7L, Metric.SHARES, 3L, Metric.UNIQUE_VIEWERS, 930L),
                figures.posts().get(101L));
        assertEquals(Map.of(Metric.REACTIONS, 5L, Metric.COMMENTS, 0L, Metric.SHARES, 0L, Metric.UNIQUE_VIEWERS, 210L),
                figures.posts().get(102L), "a post nobody shared has no shares field: zero shares");
        assertEquals(12L, figures.posts().get(103L).get(Metric.UNIQUE_VIEWERS));
        List<RecordedRequest> requests = requests();
        assertEquals(2, requests.size(), "one read for the Page, one for all three posts");
        assertEquals("/v25.0/" + PAGE, requests.get(0).getRequestUrl().encodedPath());
        assertEquals("fan_count,insights.metric(page_follows)", requests.get(0).getRequestUrl().queryParameter("fields"));
        assertEquals(PAGE + "_1," + PAGE + "_2," + PAGE + "_3", requests.get(1).getRequestUrl().queryParameter("ids"));
        assertTrue(requests.get(1).getRequestUrl().queryParameter("fields").contains("insights.metric(post_total_media_view_unique)"));
        for (RecordedRequest request : requests) {
            assertEquals("GET", request.getMethod());
            assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"));
            assertFalse(request.getPath().contains(TOKEN), "the token never goes in a URL");
            for (String deprecated : DEPRECATED) {
                assertFalse(request.getRequestUrl().toString().contains(deprecated), deprecated + " asked in " + request.getPath());
            }
        }
    }

    @Test
    void aPostFacebookNoLongerKnowsIsLeftOutNotCountedAsZero() {
        server.enqueue(page(300, 290));
        server.enqueue(answer(200, "{" + post(PAGE + "_2", 5, 0, 2L, 210) + "}"));

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class,
                adapter.readEngagement(channel(ChannelMode.LIVE), posts(2)));

        assertEquals(Map.of(102L, Map.of(Metric.REACTIONS, 5L, Metric.COMMENTS, 0L, Metric.SHARES, 2L, Metric.UNIQUE_VIEWERS, 210L)),
                figures.posts());
    }

    @Test
    void aDeletedPostThatFailsTheBatchIsLeftOutAndTheOthersAreReadAlone() throws Exception {
        server.enqueue(page(1520, 1480));
        server.enqueue(error(803, null, "(#803) Some of the aliases you requested do not exist: " + PAGE + "_2"));
        server.enqueue(answer(200, "{" + post(PAGE + "_1", 42, 7, 3L, 930) + "}"));
        server.enqueue(error(100, 33, "Unsupported get request. Object with ID '" + PAGE + "_2' does not exist"));
        server.enqueue(answer(200, "{" + post(PAGE + "_3", 0, 1, 1L, 12) + "}"));

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class,
                adapter.readEngagement(channel(ChannelMode.LIVE), posts(3)));

        assertEquals(List.of(101L, 103L), figures.posts().keySet().stream().sorted().toList());
        List<RecordedRequest> requests = requests();
        assertEquals(5, requests.size());
        assertEquals(PAGE + "_2", requests.get(3).getRequestUrl().queryParameter("ids"));
    }

    @Test
    void aPageUnder100LikesIsToldPlainlyAndItsPostsAreNotAskedFor() throws Exception {
        server.enqueue(page(87, 91));

        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class,
                adapter.readEngagement(channel(ChannelMode.LIVE), posts(2)));

        assertEquals(RefusalCode.ENGAGEMENT_UNDER_100_LIKES, none.code());
        assertEquals(List.of(87L), none.args());
        assertEquals(1, requests().size());
    }

    @Test
    void aMetricFacebookCallsInvalidIsNotAvailableNeverACrash() {
        server.enqueue(page(1520, 1480));
        server.enqueue(error(100, null, "(#100) The value must be a valid insights metric"));

        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class,
                adapter.readEngagement(channel(ChannelMode.LIVE), posts(2)));

        assertEquals(RefusalCode.ENGAGEMENT_METRIC_UNAVAILABLE, none.code());
        assertEquals(List.of("Facebook", "post_total_media_view_unique", 100), none.args());
    }

    @Test
    void anExpiredTokenNeedsAPersonAndNeverShowsTheToken() {
        server.enqueue(error(190, 463, "Error validating access token: Session has expired"));

        EngagementReading.NeedsAttention attention = assertInstanceOf(EngagementReading.NeedsAttention.class,
                adapter.readEngagement(channel(ChannelMode.LIVE), posts(2)));

        assertTrue(attention.reason().contains("hết hạn"), attention.reason());
        assertTrue(attention.reason().contains("HERALD_FACEBOOK_PAGE_TOKEN"), attention.reason());
        assertFalse(attention.reason().contains(TOKEN));
    }

    @Test
    void eachThrottlingCodeIsRetriedLaterAfterTheCooldownAndTheRestIsKept() {
        int[] codes = {4, 17, 32, 613};
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i];
            server.enqueue(error(code, null, "(#" + code + ") Application request limit reached"));
            EngagementReading.RetryLater later = assertInstanceOf(EngagementReading.RetryLater.class,
                    adapter.readEngagement(channel(ChannelMode.LIVE), posts(2)), "code " + code);
            assertEquals(Duration.ofMinutes(10), later.after(), "code " + code);
            assertEquals(i + 1, server.getRequestCount(), "nothing more is asked after a throttled read");
            clock.advance(Duration.ofMinutes(10));
        }
    }

    @Test
    void highUsageHeadersRestTheChannelBeforeTheNextRead() {
        server.enqueue(page(1520, 1480).setHeader("X-Business-Use-Case-Usage", "{\"" + PAGE
                + "\":[{\"type\":\"pages\",\"call_count\":95,\"total_cputime\":10,\"total_time\":10,\"estimated_time_to_regain_access\":30}]}"));
        server.enqueue(answer(200, "{" + post(PAGE + "_1", 1, 1, 1L, 1) + "}"));
        assertInstanceOf(EngagementReading.Figures.class, adapter.readEngagement(channel(ChannelMode.LIVE), posts(1)));

        EngagementReading.RetryLater later = assertInstanceOf(EngagementReading.RetryLater.class,
                adapter.readEngagement(channel(ChannelMode.LIVE), posts(1)));

        assertEquals(Duration.ofMinutes(30), later.after(), "Facebook's own time to regain access");
        assertEquals(2, server.getRequestCount(), "nothing is asked while the channel rests");
    }

    @Test
    void aDryRunChannelReadsNothing() {
        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class,
                adapter.readEngagement(channel(ChannelMode.DRY_RUN), posts(2)));

        assertEquals(RefusalCode.ENGAGEMENT_DRY_RUN, none.code());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aMissingTokenNeedsAPerson() {
        token = Optional.empty();
        assertInstanceOf(EngagementReading.NeedsAttention.class, adapter.readEngagement(channel(ChannelMode.LIVE), posts(1)));
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theBudgetIsFiftyPostsAReadAndTwentyFiveReadsAnHour() {
        assertEquals(50, adapter.postsPerEngagementCall());
        assertEquals(25, adapter.engagementCallsPerHour(channel(ChannelMode.LIVE)));
    }
}
