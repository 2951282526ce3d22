package vn.herald.channel.tiktok;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TikTok account's followers ({@code GET /v2/user/info/?fields=follower_count}, scope {@code user.info.stats})
 * and up to 20 videos' counts ({@code POST /v2/video/query/} with {@code filters.video_ids}, scope {@code video.list}).
 * A scope the account did not grant is said plainly, naming it, rather than read as trouble.
 */
@Singleton
class TikTokEngagement {

    static final String USER_INFO = "/v2/user/info/?fields=follower_count";
    static final String VIDEO_QUERY = "/v2/video/query/?fields=id,view_count,like_count,comment_count,share_count";
    /** video/query takes at most 20 ids. */
    static final int VIDEOS_PER_READ = 20;
    /**
     * TikTok allows each app 600 requests a minute on /v2/user/info/ and on /v2/video/query/ (one-minute sliding
     * window). The app is shared by every channel of the deployment, so one channel keeps to 60 reads an hour: one call
     * a minute on each endpoint, a sixth of a percent of the app's limit.
     */
    static final int READS_PER_HOUR = 60;
    private static final Set<String> SCOPE_MISSING = Set.of("scope_not_authorized", "scope_permission_missed");

    private final TikTokApi api;
    private final JsonMapper json;

    TikTokEngagement(TikTokApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    EngagementReading read(Channel channel, List<PublishedPost> posts) {
        if (channel.mode() == ChannelMode.DRY_RUN) {
            return new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_DRY_RUN, channel.name());
        }
        TikTokSettings settings;
        try {
            settings = TikTokSettings.of(channel, json);
        } catch (BadSetting e) {
            return new EngagementReading.NeedsAttention(e.getMessage());
        }
        try {
            TikTokApi.Answer user = api.get(channel, settings, USER_INFO);
            if (!user.ok()) {
                return trouble(user, "user/info", "user.info.stats", settings);
            }
            Map<Metric, Long> channelFigures = new EnumMap<>(Metric.class);
            if (user.data().get("user") instanceof Map<?, ?> info) {
                EngagementReading.count(info.get("follower_count")).ifPresent(n -> channelFigures.put(Metric.FOLLOWERS, n));
            }
            Map<String, Long> publications = new HashMap<>();
            posts.forEach(post -> publications.putIfAbsent(post.externalId(), post.publicationId()));
            List<String> ids = List.copyOf(publications.keySet());
            Map<Long, Map<Metric, Long>> postFigures = new HashMap<>();
            for (int from = 0; from < ids.size(); from += VIDEOS_PER_READ) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + VIDEOS_PER_READ));
                TikTokApi.Answer videos = api.postJson(channel, settings, VIDEO_QUERY,
                        Map.of("filters", Map.of("video_ids", batch)));
                if (!videos.ok()) {
                    return trouble(videos, "video/query", "video.list", settings);
                }
                List<?> found = videos.data().get("videos") instanceof List<?> list ? list : List.of();
                for (Object item : found) {
                    Long publication = item instanceof Map<?, ?> video ? publications.get(String.valueOf(video.get("id"))) : null;
                    if (publication != null) {
                        postFigures.put(publication, figures((Map<?, ?>) item));
                    }
                }
            }
            return new EngagementReading.Figures(channelFigures, postFigures);
        } catch (TikTokFailure e) {
            return EngagementReading.of(e.result());
        } catch (IOException e) {
            return new EngagementReading.RetryLater(EngagementReading.DEFAULT_WAIT, "Không kết nối được với TikTok để đọc số liệu ("
                    + e.getClass().getSimpleName() + "): Herald sẽ đọc lại sau.");
        }
    }

    private static EngagementReading trouble(TikTokApi.Answer answer, String step, String scope, TikTokSettings settings) {
        if (SCOPE_MISSING.contains(answer.code())) {
            return new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_SCOPE_MISSING, "TikTok", scope);
        }
        return EngagementReading.of(TikTokErrors.classify(answer, step, settings));
    }

    private static Map<Metric, Long> figures(Map<?, ?> video) {
        Map<Metric, Long> figures = new EnumMap<>(Metric.class);
        EngagementReading.count(video.get("view_count")).ifPresent(n -> figures.put(Metric.VIEWS, n));
        EngagementReading.count(video.get("like_count")).ifPresent(n -> figures.put(Metric.REACTIONS, n));
        EngagementReading.count(video.get("comment_count")).ifPresent(n -> figures.put(Metric.COMMENTS, n));
        EngagementReading.count(video.get("share_count")).ifPresent(n -> figures.put(Metric.SHARES, n));
        return figures;
    }
}
