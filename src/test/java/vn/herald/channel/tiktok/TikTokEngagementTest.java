package vn.herald.channel.tiktok;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.channel.tiktok.FakeTikTok.error;

/** Engagement read back from the fake TikTok: user/info for followers, video/query for the videos' counts. */
@MicronautTest(transactional = false)
class TikTokEngagementTest extends TikTokTestBase {

    @Inject TikTokAdapter adapter;

    private EngagementReading read(List<PublishedPost> posts) {
        return adapter.readEngagement(channels.get("tiktok"), posts);
    }

    private PublishedPost post(long publication, String videoId) {
        return new PublishedPost(publication, videoId, clock.instant().minus(Duration.ofDays(1)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(RecordedRequest request) throws IOException {
        return json.readValue(request.getBody().clone().readUtf8(), Map.class);
    }

    @Test
    void followersAndSeveralVideosAreReadInOneQueryWithTheAccountsToken() throws IOException {
        tiktok.followers(3_456);
        tiktok.counts("7301", new FakeTikTok.VideoCounts(12_000, 830, 41, 27));
        tiktok.counts("7302", new FakeTikTok.VideoCounts(95, 4, 0, 1));

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class,
                read(List.of(post(21, "7301"), post(22, "7302"), post(23, "7399-removed"))));

        assertEquals(Map.of(Metric.FOLLOWERS, 3_456L), figures.channel());
        assertEquals(Map.of(21L, Map.of(Metric.VIEWS, 12_000L, Metric.REACTIONS, 830L, Metric.COMMENTS, 41L, Metric.SHARES, 27L),
                22L, Map.of(Metric.VIEWS, 95L, Metric.REACTIONS, 4L, Metric.COMMENTS, 0L, Metric.SHARES, 1L)), figures.posts(),
                "a video TikTok no longer has is left out");
        RecordedRequest user = tiktok.requestsTo("/v2/user/info/").get(0);
        assertEquals("GET", user.getMethod());
        assertEquals("follower_count", user.getRequestUrl().queryParameter("fields"));
        List<RecordedRequest> queries = tiktok.requestsTo("/v2/video/query/");
        assertEquals(1, queries.size());
        assertEquals("id,view_count,like_count,comment_count,share_count", queries.get(0).getRequestUrl().queryParameter("fields"));
        assertEquals(List.of("7301", "7302", "7399-removed"),
                ((List<String>) ((Map<String, Object>) body(queries.get(0)).get("filters")).get("video_ids")).stream().sorted().toList());
        assertTrue(queries.get(0).getHeader("Authorization").startsWith("Bearer act."));
    }

    @Test
    void twentyFiveVideosTakeTwoQueriesOfAtMostTwenty() throws IOException {
        List<PublishedPost> posts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            tiktok.counts("74" + i, new FakeTikTok.VideoCounts(i, 0, 0, 0));
            posts.add(post(200 + i, "74" + i));
        }

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, read(posts));

        assertEquals(25, figures.posts().size());
        List<Integer> sizes = new ArrayList<>();
        for (RecordedRequest query : tiktok.requestsTo("/v2/video/query/")) {
            sizes.add(((List<?>) ((Map<?, ?>) body(query).get("filters")).get("video_ids")).size());
        }
        assertEquals(List.of(20, 5), sizes);
    }

    @Test
    void withoutTheVideoListScopeTheReasonNamesIt() {
        tiktok.granted("user.info.basic", "user.info.stats", "video.publish");

        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class, read(List.of(post(21, "7301"))));

        assertEquals(RefusalCode.ENGAGEMENT_SCOPE_MISSING, none.code());
        assertEquals(List.of("TikTok", "video.list"), none.args());
    }

    @Test
    void withoutTheUserInfoStatsScopeTheReasonNamesIt() {
        tiktok.granted("user.info.basic", "video.publish", "video.list");

        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class, read(List.of()));

        assertEquals(List.of("TikTok", "user.info.stats"), none.args());
        assertTrue(tiktok.requestsTo("/v2/video/query/").isEmpty());
    }

    @Test
    void rateLimitIsRetriedLaterInAMinute() {
        tiktok.then("/v2/video/query/", error(429, "rate_limit_exceeded"));

        EngagementReading.RetryLater later = assertInstanceOf(EngagementReading.RetryLater.class, read(List.of(post(21, "7301"))));

        assertEquals(Duration.ofMinutes(1), later.after());
        assertTrue(later.reason().contains("giới hạn tần suất"), later.reason());
    }

    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndTheReadGoesOn() {
        tiktok.followers(9);
        read(List.of());
        tiktok.revokeAccessToken();

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, read(List.of()));

        assertEquals(Map.of(Metric.FOLLOWERS, 9L), figures.channel());
        assertEquals(2, tiktok.refreshes());
    }

    @Test
    void aTokenStillRejectedAfterTheRefreshNeedsAPersonWithoutShowingIt() {
        tiktok.then("/v2/user/info/", error(401, "access_token_invalid"), error(401, "access_token_invalid"));

        EngagementReading.NeedsAttention attention = assertInstanceOf(EngagementReading.NeedsAttention.class, read(List.of()));

        assertTrue(attention.reason().contains("HERALD_TIKTOK_REFRESH_TOKEN"), attention.reason());
        assertFalse(attention.reason().contains("act.tiktok-access"));
    }

    @Test
    void aDryRunChannelReadsNothing() {
        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class,
                adapter.readEngagement(channels.get("tiktok-thu"), List.of(post(1, "7301"))));

        assertEquals(RefusalCode.ENGAGEMENT_DRY_RUN, none.code());
        assertEquals(List.of(), tiktok.calls());
    }

    @Test
    void theBudgetIsTwentyVideosAReadAndSixtyReadsAnHour() {
        assertEquals(20, adapter.postsPerEngagementCall());
        assertEquals(60, adapter.engagementCallsPerHour(channels.get("tiktok")));
    }
}
