package vn.herald.channel.zalo;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.Test;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.support.RefusalCode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.channel.zalo.FakeZalo.error;

/** Engagement read back from the fake Zalo OA: followers from oa/getoa, views and shares from article/getslice. */
@MicronautTest(transactional = false)
class ZaloEngagementTest extends ZaloTestBase {

    @Inject ZaloAdapter adapter;

    /** Articles art-1 (oldest) to art-n, one a day up to this morning, each with its own views and shares. */
    private void articles(int count) {
        for (int i = 1; i <= count; i++) {
            zalo.publishedEarlier("art-" + i, "Bài số " + i, "Tóm tắt " + i);
            zalo.figures("art-" + i, new FakeZalo.Figures(MORNING.minus(Duration.ofDays(count - i)).toEpochMilli(), 100L * i, i));
        }
    }

    private static PublishedPost post(long publication, String article, int daysAgo) {
        return new PublishedPost(publication, article, MORNING.minus(Duration.ofDays(daysAgo)));
    }

    private EngagementReading read(List<PublishedPost> posts) {
        return adapter.readEngagement(zaloChannel(), posts);
    }

    @Test
    void followersAndArticlesAcrossTwoSlicesAreReadWithTheOasToken() {
        zalo.followers(2_345);
        articles(15); // newest first: art-15..art-6 in the first slice, art-5..art-1 in the second

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class,
                read(List.of(post(71, "art-14", 1), post(72, "art-9", 6), post(73, "art-3", 12))));

        assertEquals(Map.of(Metric.FOLLOWERS, 2_345L), figures.channel());
        assertEquals(Map.of(71L, Map.of(Metric.VIEWS, 1_400L, Metric.SHARES, 14L), 72L, Map.of(Metric.VIEWS, 900L, Metric.SHARES, 9L),
                73L, Map.of(Metric.VIEWS, 300L, Metric.SHARES, 3L)), figures.posts());
        assertEquals(1, zalo.requestsTo("/v2.0/oa/getoa").size());
        List<RecordedRequest> slices = zalo.requestsTo("/v2.0/article/getslice");
        assertEquals(List.of("0", "10"), slices.stream().map(r -> r.getRequestUrl().queryParameter("offset")).toList());
        assertTrue(slices.stream().allMatch(r -> "10".equals(r.getRequestUrl().queryParameter("limit"))));
        for (RecordedRequest request : zalo.requests()) {
            assertFalse(request.getPath().contains(zalo.liveAccessToken()), "the token goes in a header, never in the URL");
        }
    }

    @Test
    void slicesAreNotWalkedPastTheOldestPostAndAnArticleZaloNoLongerHasIsLeftOut() {
        articles(40);

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class,
                read(List.of(post(81, "art-39", 1), post(82, "art-deleted", 3))));

        assertEquals(Map.of(81L, Map.of(Metric.VIEWS, 3_900L, Metric.SHARES, 39L)), figures.posts());
        assertEquals(1, zalo.requestsTo("/v2.0/article/getslice").size(),
                "the first slice already reaches articles older than the oldest post (3 days + 1)");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedOnceAndTheReadGoesOn() {
        zalo.followers(12);
        read(List.of());
        zalo.revokeAccessToken();

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, read(List.of()));

        assertEquals(Map.of(Metric.FOLLOWERS, 12L), figures.channel());
        assertEquals(2, zalo.refreshes(), "the first token, then one refresh after Zalo's -216");
    }

    @Test
    void aTokenZaloStillRejectsAfterTheRefreshNeedsAPerson() {
        zalo.then("/v2.0/oa/getoa", error(-216, "Access token is invalid"), error(-220, "Access token is expired"));

        EngagementReading.NeedsAttention attention = assertInstanceOf(EngagementReading.NeedsAttention.class, read(List.of()));

        assertTrue(attention.reason().contains("lỗi -220"), attention.reason());
        assertFalse(attention.reason().contains(zalo.liveAccessToken()));
        assertFalse(attention.reason().contains(zalo.liveRefreshToken()));
    }

    @Test
    void zalosRateLimitIsRetriedLater() {
        articles(3);
        zalo.then("/v2.0/article/getslice", error(-32, "Exceed the limit of request"));

        EngagementReading.RetryLater later = assertInstanceOf(EngagementReading.RetryLater.class, read(List.of(post(91, "art-2", 1))));

        assertEquals(Duration.ofMinutes(1), later.after());
        assertTrue(later.reason().contains("giới hạn tần suất"), later.reason());
    }

    @Test
    void anApiTheAppWasNotGrantedNeedsAPerson() {
        zalo.then("/v2.0/oa/getoa", error(-223, "The API is not granted"));

        EngagementReading.NeedsAttention attention = assertInstanceOf(EngagementReading.NeedsAttention.class, read(List.of()));

        assertTrue(attention.reason().contains("chưa được cấp quyền"), attention.reason());
    }

    @Test
    void aDryRunChannelReadsNothing() {
        Channel live = zaloChannel();
        Channel dryRun = new Channel(live.id(), live.unitCode(), live.type(), ChannelMode.DRY_RUN, live.name(), live.settings(),
                live.sourceHash(), null, live.createdAt(), live.updatedAt());

        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class,
                adapter.readEngagement(dryRun, List.of(post(1, "art-1", 1))));

        assertEquals(RefusalCode.ENGAGEMENT_DRY_RUN, none.code());
        assertTrue(zalo.requests().isEmpty());
    }

    @Test
    void theBudgetIsFiftyPostsAReadAndThirtyReadsAnHour() {
        assertEquals(50, adapter.postsPerEngagementCall());
        assertEquals(30, adapter.engagementCallsPerHour(zaloChannel()));
    }
}
