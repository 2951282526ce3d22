package vn.herald.channel.zalo;

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
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an OA's followers ({@code GET /v2.0/oa/getoa}, {@code data.num_follower}) and its articles' views and shares
 * ({@code total_view}, {@code total_share} of each article in {@code GET /v2.0/article/getslice}, newest first, ten a
 * call). The slices are walked only as far back as the oldest post asked about, so a commune OA that writes a few
 * articles a week costs one to three calls a day. Tokens and errors go through {@link ZaloApi} and {@link ZaloErrors}.
 */
@Singleton
class ZaloEngagement {

    /** The documented maximum {@code limit} of article/getslice. */
    static final int SLICE = 10;
    /** Posts one read is given: their articles are found across at most {@link #MAX_SLICES} slices. */
    static final int POSTS_PER_READ = 50;
    static final int MAX_SLICES = 20;
    /**
     * Zalo publishes no per-OA limit for these reads (only error -32 when one is passed): 30 reads an hour, each at
     * most 1 + 20 calls, stays under one call every 6 seconds for the OA and leaves publishing the rest.
     */
    static final int READS_PER_HOUR = 30;
    // Zalo and Herald date an article a little apart: look this much further back than the oldest post
    private static final Duration MARGIN = Duration.ofDays(1);

    private final ZaloApi api;
    private final JsonMapper json;

    ZaloEngagement(ZaloApi api, JsonMapper json) {
        this.api = api;
        this.json = json;
    }

    EngagementReading read(Channel channel, List<PublishedPost> posts) {
        if (channel.mode() == ChannelMode.DRY_RUN) {
            return new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_DRY_RUN, channel.name());
        }
        ZaloSettings settings;
        try {
            settings = ZaloSettings.of(channel, json);
        } catch (BadSetting e) {
            return new EngagementReading.NeedsAttention(e.getMessage());
        }
        try {
            ZaloApi.Answer oa = api.get(channel, settings, "/v2.0/oa/getoa");
            if (!oa.ok()) {
                return EngagementReading.of(ZaloErrors.classify(oa, "oa/getoa"));
            }
            Map<Metric, Long> channelFigures = new EnumMap<>(Metric.class);
            EngagementReading.count(oa.data().get("num_follower")).ifPresent(n -> channelFigures.put(Metric.FOLLOWERS, n));
            Map<String, Long> wanted = posts.stream().collect(Collectors.toMap(PublishedPost::externalId,
                    PublishedPost::publicationId, (a, b) -> a));
            Instant oldest = posts.stream().map(PublishedPost::publishedAt).min(Instant::compareTo).orElse(Instant.MAX).minus(MARGIN);
            Map<Long, Map<Metric, Long>> postFigures = new HashMap<>();
            for (int page = 0; page < MAX_SLICES && postFigures.size() < wanted.size(); page++) {
                ZaloApi.Answer slice = api.get(channel, settings, "/v2.0/article/getslice?offset=" + page * SLICE
                        + "&limit=" + SLICE + "&type=normal");
                if (!slice.ok()) {
                    return EngagementReading.of(ZaloErrors.classify(slice, "article/getslice"));
                }
                List<?> medias = slice.data().get("medias") instanceof List<?> list ? list : List.of();
                boolean pastOldest = false;
                for (Object item : medias) {
                    if (!(item instanceof Map<?, ?> media)) {
                        continue;
                    }
                    Long publication = wanted.get(String.valueOf(media.get("id")));
                    if (publication != null) {
                        postFigures.put(publication, figures(media));
                    }
                    pastOldest |= media.get("create_date") instanceof Number millis
                            && Instant.ofEpochMilli(millis.longValue()).isBefore(oldest);
                }
                if (medias.size() < SLICE || pastOldest) {
                    break;
                }
            }
            return new EngagementReading.Figures(channelFigures, postFigures);
        } catch (ZaloFailure e) {
            return EngagementReading.of(e.result());
        } catch (IOException e) {
            return new EngagementReading.RetryLater(EngagementReading.DEFAULT_WAIT, "Không đọc được số liệu từ Zalo ("
                    + (e instanceof ZaloApi.Unreadable ? e.getMessage() : e.getClass().getSimpleName()) + "): sẽ đọc lại sau.");
        }
    }

    private static Map<Metric, Long> figures(Map<?, ?> media) {
        Map<Metric, Long> figures = new EnumMap<>(Metric.class);
        EngagementReading.count(media.get("total_view")).ifPresent(n -> figures.put(Metric.VIEWS, n));
        EngagementReading.count(media.get("total_share")).ifPresent(n -> figures.put(Metric.SHARES, n));
        return figures;
    }
}
