package vn.herald.channel.facebook;

import io.micronaut.json.JsonMapper;
import okhttp3.HttpUrl;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.Secrets;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Page's followers and its posts' figures back, in two Graph API reads: the Page ({@code fan_count} and the
 * {@code page_follows} insight) and up to {@link #POSTS_PER_CALL} posts at once ({@code ?ids=}) with their reactions,
 * comments and shares totals and the {@code post_total_media_view_unique} insight. None of the metrics Meta deprecated
 * in 2025 ({@code post_impressions*}, {@code page_impressions*}, {@code page_fans}) is asked for: they now answer
 * "invalid metric". Insights exist only for Pages with 100 or more likes, so a smaller Page is told, not failed.
 */
final class FacebookEngagement {

    /** The Graph API's limit on ids in one {@code ?ids=} read. */
    static final int POSTS_PER_CALL = 50;
    /**
     * Page-token calls are limited per Page to 4,800 x engaged users per rolling 24 h (Business Use Case limit). The
     * number of engaged users is no longer readable (page_engaged_users was removed in 2024), so one is assumed: 4,800
     * calls a day, 200 an hour. Engagement takes a quarter of that (50 HTTP calls an hour); each read makes two calls.
     */
    static final int READS_PER_HOUR = 25;
    static final int LIKES_FOR_INSIGHTS = 100;
    static final String POST_VIEWERS = "post_total_media_view_unique";
    static final String PAGE_FOLLOWS = "page_follows";
    /** "Some of the aliases you requested do not exist", and code 100's "object does not exist" subcode. */
    private static final int GONE = 803;
    private static final int NO_SUCH_OBJECT = 33;
    private static final String POST_FIELDS = "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),"
            + "shares,insights.metric(" + POST_VIEWERS + ")";

    private final GraphCalls graph;
    private final Secrets secrets;
    private final JsonMapper json;

    FacebookEngagement(GraphCalls graph, Secrets secrets, JsonMapper json) {
        this.graph = graph;
        this.secrets = secrets;
        this.json = json;
    }

    EngagementReading read(Channel channel, List<PublishedPost> posts) {
        if (channel.mode() == ChannelMode.DRY_RUN) {
            return new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_DRY_RUN, channel.name());
        }
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(channel, json);
        } catch (BadSetting e) {
            return new EngagementReading.NeedsAttention(e.getMessage());
        }
        Optional<String> token = secrets.get(settings.accessTokenEnv());
        if (token.isEmpty()) {
            return new EngagementReading.NeedsAttention(GraphErrors.missingToken(settings));
        }
        Optional<Duration> rest = graph.rest(settings);
        if (rest.isPresent()) {
            return new EngagementReading.RetryLater(rest.get(), "Trang Facebook của kênh " + settings.channelId()
                    + " đã dùng gần hết hạn mức gọi API: tạm nghỉ để Facebook không chặn kênh.");
        }
        HttpUrl pageUrl = HttpUrl.get(settings.url(settings.pageId())).newBuilder()
                .addQueryParameter("fields", "fan_count,insights.metric(" + PAGE_FOLLOWS + ")").build();
        Answer page = read(settings, token.get(), pageUrl, PAGE_FOLLOWS);
        if (page.trouble() != null) {
            return page.trouble();
        }
        long likes = EngagementReading.count(page.body().get("fan_count")).orElse(0L);
        if (likes < LIKES_FOR_INSIGHTS) {
            return new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_UNDER_100_LIKES, likes);
        }
        Map<Metric, Long> channelFigures = new EnumMap<>(Metric.class);
        insight(page.body(), PAGE_FOLLOWS).ifPresent(followers -> channelFigures.put(Metric.FOLLOWERS, followers));
        Map<Long, Map<Metric, Long>> postFigures = new HashMap<>();
        for (int from = 0; from < posts.size(); from += POSTS_PER_CALL) {
            List<PublishedPost> batch = posts.subList(from, Math.min(posts.size(), from + POSTS_PER_CALL));
            Answer answer = read(settings, token.get(), postsUrl(settings, batch), POST_VIEWERS);
            if (answer.gone()) {
                // one post Facebook no longer has fails the whole ids read: each is read alone, the gone ones left out
                for (PublishedPost post : batch) {
                    Answer alone = batch.size() == 1 ? answer : read(settings, token.get(), postsUrl(settings, List.of(post)), POST_VIEWERS);
                    if (alone.trouble() != null) {
                        return alone.trouble();
                    }
                    collect(alone.body(), List.of(post), postFigures);
                }
                continue;
            }
            if (answer.trouble() != null) {
                return answer.trouble();
            }
            collect(answer.body(), batch, postFigures);
        }
        return new EngagementReading.Figures(channelFigures, postFigures);
    }

    /** A read's JSON object, what its failure means for the reading, or that an object asked for does not exist. */
    private record Answer(Map<?, ?> body, EngagementReading trouble, boolean gone) {
        Answer(Map<?, ?> body, EngagementReading trouble) {
            this(body, trouble, false);
        }
    }

    private static HttpUrl postsUrl(FacebookSettings settings, List<PublishedPost> posts) {
        return HttpUrl.get(settings.url("")).newBuilder()
                .addQueryParameter("ids", String.join(",", posts.stream().map(PublishedPost::externalId).toList()))
                .addQueryParameter("fields", POST_FIELDS).build();
    }

    private static void collect(Map<?, ?> body, List<PublishedPost> posts, Map<Long, Map<Metric, Long>> into) {
        for (PublishedPost post : posts) {
            if (body.get(post.externalId()) instanceof Map<?, ?> found) {
                into.put(post.publicationId(), figures(found));
            }
        }
    }

    private Answer read(FacebookSettings settings, String token, HttpUrl url, String metric) {
        PlatformAnswer answer;
        try {
            answer = graph.read(settings, token, url);
        } catch (IOException e) {
            return new Answer(Map.of(), new EngagementReading.RetryLater(EngagementReading.DEFAULT_WAIT,
                    "Không đọc được số liệu từ Facebook (" + e.getClass().getSimpleName() + "): sẽ đọc lại sau."));
        }
        if (GraphCalls.successful(answer)) {
            return new Answer(answer.object().orElse(Map.of()), null);
        }
        Optional<Map<?, ?>> error = GraphErrors.error(answer);
        int code = error.flatMap(e -> GraphErrors.integer(e.get("code"))).orElse(-1);
        String message = error.map(e -> String.valueOf(e.get("message"))).orElse("").toLowerCase(Locale.ROOT);
        int subcode = error.flatMap(e -> GraphErrors.integer(e.get("error_subcode"))).orElse(-1);
        if (code == GONE || (code == 100 && subcode == NO_SUCH_OBJECT)) {
            return new Answer(Map.of(), null, true);
        }
        if (code == 100 && message.contains("metric")) {
            // Facebook says the metric is gone or not given to this Page: a fact to show, not a crash
            return new Answer(Map.of(), new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_METRIC_UNAVAILABLE,
                    "Facebook", metric, code));
        }
        return new Answer(Map.of(), EngagementReading.of(graph.failure(settings, answer)));
    }

    private static Map<Metric, Long> figures(Map<?, ?> post) {
        Map<Metric, Long> figures = new EnumMap<>(Metric.class);
        summary(post.get("reactions")).ifPresent(n -> figures.put(Metric.REACTIONS, n));
        summary(post.get("comments")).ifPresent(n -> figures.put(Metric.COMMENTS, n));
        // Facebook leaves "shares" out of a post nobody has shared
        figures.put(Metric.SHARES, post.get("shares") instanceof Map<?, ?> shares ? EngagementReading.count(shares.get("count")).orElse(0L) : 0L);
        insight(post, POST_VIEWERS).ifPresent(n -> figures.put(Metric.UNIQUE_VIEWERS, n));
        return figures;
    }

    private static Optional<Long> summary(Object edge) {
        return edge instanceof Map<?, ?> map && map.get("summary") instanceof Map<?, ?> summary
                ? EngagementReading.count(summary.get("total_count")) : Optional.empty();
    }

    /** The latest value of a metric in an {@code insights} edge: {@code {"data":[{"name":..,"values":[{"value":N}]}]}}. */
    private static Optional<Long> insight(Map<?, ?> node, String metric) {
        if (!(node.get("insights") instanceof Map<?, ?> insights) || !(insights.get("data") instanceof List<?> data)) {
            return Optional.empty();
        }
        for (Object item : data) {
            if (item instanceof Map<?, ?> entry && metric.equals(entry.get("name"))
                    && entry.get("values") instanceof List<?> values && !values.isEmpty()
                    && values.get(values.size() - 1) instanceof Map<?, ?> last) {
                return EngagementReading.count(last.get("value"));
            }
        }
        return Optional.empty();
    }
}
