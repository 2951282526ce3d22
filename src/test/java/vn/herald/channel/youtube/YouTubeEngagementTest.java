package vn.herald.channel.youtube;

import io.micronaut.serde.ObjectMapper;
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
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Engagement read back from the fake YouTube Data API: channels.list and videos.list with statistics. */
class YouTubeEngagementTest {

    private static final Instant MORNING = Instant.parse("2027-05-17T01:00:00Z"); // 18:00 the day before in California

    private final ObjectMapper json = ObjectMapper.getDefault();
    private final TestClock clock = new TestClock();
    private final Map<String, String> environment = new java.util.HashMap<>(Map.of(
            "HERALD_YOUTUBE_CLIENT_ID", FakeYouTube.CLIENT_ID,
            "HERALD_YOUTUBE_CLIENT_SECRET", FakeYouTube.CLIENT_SECRET,
            "HERALD_YOUTUBE_REFRESH_TOKEN", FakeYouTube.REFRESH_TOKEN));
    private FakeYouTube youtube;
    private YouTubeEngagement engagement;

    @BeforeEach
    void start() {
        clock.set(MORNING);
        youtube = new FakeYouTube(clock::instant);
        PlatformHttp http = new PlatformHttp(new PlatformConfig("Herald test"), json);
        engagement = new YouTubeEngagement(new YouTubeCalls(json),
                new GoogleTokens(http, variable -> Optional.ofNullable(environment.get(variable)), clock), http, json, clock);
    }

    @AfterEach
    void stop() throws IOException {
        youtube.close();
    }

    private Channel channel(ChannelMode mode) {
        try {
            return new Channel("youtube", "xa-hoa-an", ChannelType.YOUTUBE, mode, "Kênh YouTube Xã Hòa An",
                    json.writeValueAsString(Map.of("apiUrl", youtube.url("/youtube/v3"), "uploadUrl", youtube.url("/upload/youtube/v3"),
                            "oauthUrl", youtube.url("/token"), "readTimeoutSeconds", 5)), "hash", null, MORNING, MORNING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private EngagementReading read(List<PublishedPost> posts) {
        return engagement.read(channel(ChannelMode.LIVE), posts);
    }

    private static PublishedPost post(long publication, String videoId) {
        return new PublishedPost(publication, videoId, MORNING.minus(Duration.ofDays(2)));
    }

    @Test
    void subscribersAndSeveralVideosAreReadForTwoQuotaUnits() {
        youtube.subscribers(1_203, false);
        youtube.statistics("vidAAA", new FakeYouTube.Statistics(5_400, 120, 17));
        youtube.statistics("vidBBB", new FakeYouTube.Statistics(88, 3, 0));

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class,
                read(List.of(post(11, "vidAAA"), post(12, "vidBBB"), post(13, "vidGone"))));

        assertEquals(Map.of(Metric.FOLLOWERS, 1_203L), figures.channel());
        assertEquals(Map.of(11L, Map.of(Metric.VIEWS, 5_400L, Metric.REACTIONS, 120L, Metric.COMMENTS, 17L),
                12L, Map.of(Metric.VIEWS, 88L, Metric.REACTIONS, 3L, Metric.COMMENTS, 0L)), figures.posts(),
                "a video YouTube no longer has is left out");
        List<RecordedRequest> reads = youtube.statisticsReads();
        assertEquals(2, reads.size(), "channels.list and one videos.list: 1 unit each");
        assertEquals("/youtube/v3/channels", reads.get(0).getRequestUrl().encodedPath());
        assertEquals("true", reads.get(0).getRequestUrl().queryParameter("mine"));
        assertEquals("statistics", reads.get(1).getRequestUrl().queryParameter("part"));
        assertEquals(List.of("vidAAA", "vidBBB", "vidGone"),
                List.of(reads.get(1).getRequestUrl().queryParameter("id").split(",")).stream().sorted().toList());
        reads.forEach(request -> assertTrue(request.getHeader("Authorization").startsWith("Bearer ya29.")));
    }

    @Test
    void sixtyVideosTakeTwoReadsOfAtMostFifty() {
        List<PublishedPost> posts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            youtube.statistics("vid" + i, new FakeYouTube.Statistics(i, 0, 0));
            posts.add(post(100 + i, "vid" + i));
        }

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, read(posts));

        assertEquals(60, figures.posts().size());
        assertEquals(59L, figures.posts().get(159L).get(Metric.VIEWS));
        List<RecordedRequest> videoReads = youtube.statisticsReads().subList(1, 3);
        assertEquals(List.of(50, 10), videoReads.stream().map(r -> r.getRequestUrl().queryParameter("id").split(",").length).toList());
    }

    @Test
    void aHiddenSubscriberCountIsLeftOutNotReadAsZero() {
        youtube.subscribers(0, true);

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, read(List.of()));

        assertEquals(Map.of(), figures.channel());
        assertEquals(1, youtube.statisticsReads().size(), "no post, no videos.list");
    }

    @Test
    void quotaExceededWaitsUntilTheQuotaDayResetsAtMidnightInCalifornia() {
        youtube.statistics("vidAAA", new FakeYouTube.Statistics(1, 1, 1));
        youtube.trouble(FakeYouTube.Trouble.READ_QUOTA_EXCEEDED);

        EngagementReading.RetryLater later = assertInstanceOf(EngagementReading.RetryLater.class, read(List.of(post(11, "vidAAA"))));

        assertEquals(Duration.ofHours(6), later.after(), "18:00 PDT to midnight");
        assertTrue(later.reason().contains("hạn mức"), later.reason());
    }

    @Test
    void aStaleAccessTokenIsRenewedOnceAndTheReadGoesOn() {
        youtube.subscribers(7, false);
        youtube.trouble(FakeYouTube.Trouble.STALE_TOKEN);

        EngagementReading.Figures figures = assertInstanceOf(EngagementReading.Figures.class, read(List.of()));

        assertEquals(Map.of(Metric.FOLLOWERS, 7L), figures.channel());
        assertEquals(2, youtube.refreshes());
    }

    @Test
    void aRevokedGrantNeedsAPersonAndNamesTheVariableWithoutTheSecret() {
        youtube.revoke();

        EngagementReading.NeedsAttention attention = assertInstanceOf(EngagementReading.NeedsAttention.class, read(List.of()));

        assertTrue(attention.reason().contains("HERALD_YOUTUBE_REFRESH_TOKEN"), attention.reason());
        assertFalse(attention.reason().contains(FakeYouTube.REFRESH_TOKEN) || attention.reason().contains(FakeYouTube.CLIENT_SECRET));
    }

    @Test
    void aMissingSecretNeedsAPersonWithoutAnyCall() {
        environment.remove("HERALD_YOUTUBE_CLIENT_SECRET");

        EngagementReading.NeedsAttention attention = assertInstanceOf(EngagementReading.NeedsAttention.class, read(List.of()));

        assertTrue(attention.reason().contains("HERALD_YOUTUBE_CLIENT_SECRET"), attention.reason());
        assertEquals(List.of(), youtube.calls());
    }

    @Test
    void aDryRunChannelReadsNothing() {
        EngagementReading.NotAvailable none = assertInstanceOf(EngagementReading.NotAvailable.class,
                engagement.read(channel(ChannelMode.DRY_RUN), List.of(post(1, "vidAAA"))));

        assertEquals(RefusalCode.ENGAGEMENT_DRY_RUN, none.code());
        assertEquals(List.of(), youtube.calls());
    }
}
