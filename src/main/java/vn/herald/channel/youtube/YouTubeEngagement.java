package vn.herald.channel.youtube;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.Request;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelMode;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a YouTube channel's subscribers ({@code channels.list?mine=true&part=statistics}) and up to 50 videos' views,
 * likes and comments ({@code videos.list?part=statistics&id=...}): two quota units a read, whatever the number of
 * videos. A hidden subscriber count is left out rather than read as zero.
 */
@Singleton
class YouTubeEngagement {

    /** videos.list takes at most 50 ids. */
    static final int VIDEOS_PER_READ = 50;
    /**
     * The project's 10,000 units a day are the uploads' (about 2,000 each with captions): engagement keeps to 5 reads
     * an hour, 120 a day at 2 units, 240 units (2.4 %) at most; a channel read once a day costs 2.
     */
    static final int READS_PER_HOUR = 5;

    private final YouTubeCalls calls;
    private final GoogleTokens tokens;
    private final PlatformHttp http;
    private final JsonMapper json;
    private final Clock clock;

    YouTubeEngagement(YouTubeCalls calls, GoogleTokens tokens, PlatformHttp http, JsonMapper json, Clock clock) {
        this.calls = calls;
        this.tokens = tokens;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    EngagementReading read(Channel channel, List<PublishedPost> posts) {
        if (channel.mode() == ChannelMode.DRY_RUN) {
            return new EngagementReading.NotAvailable(RefusalCode.ENGAGEMENT_DRY_RUN, channel.name());
        }
        YouTubeSettings settings;
        try {
            settings = YouTubeSettings.of(channel, json);
        } catch (BadSetting e) {
            return new EngagementReading.NeedsAttention(e.getMessage());
        }
        Optional<String> missing = tokens.missing(settings);
        if (missing.isPresent()) {
            return new EngagementReading.NeedsAttention(missing.get());
        }
        try {
            Reader reader = new Reader(settings, tokens.access(settings));
            PlatformAnswer mine = reader.call(token -> calls.myStatistics(settings, token));
            if (!mine.successful()) {
                return EngagementReading.of(YouTubeErrors.failure(settings, mine, "đọc số liệu", clock));
            }
            Map<Metric, Long> channelFigures = new EnumMap<>(Metric.class);
            if (items(mine).stream().findFirst().orElse(null) instanceof Map<?, ?> own
                    && own.get("statistics") instanceof Map<?, ?> statistics
                    && !Boolean.TRUE.equals(statistics.get("hiddenSubscriberCount"))) {
                EngagementReading.count(statistics.get("subscriberCount")).ifPresent(n -> channelFigures.put(Metric.FOLLOWERS, n));
            }
            Map<String, Long> publications = new HashMap<>();
            posts.forEach(post -> publications.putIfAbsent(post.externalId(), post.publicationId()));
            List<String> ids = List.copyOf(publications.keySet());
            Map<Long, Map<Metric, Long>> postFigures = new HashMap<>();
            for (int from = 0; from < ids.size(); from += VIDEOS_PER_READ) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + VIDEOS_PER_READ));
                PlatformAnswer videos = reader.call(token -> calls.statistics(settings, batch, token));
                if (!videos.successful()) {
                    return EngagementReading.of(YouTubeErrors.failure(settings, videos, "đọc số liệu", clock));
                }
                for (Object item : items(videos)) {
                    Long publication = item instanceof Map<?, ?> video ? publications.get(String.valueOf(video.get("id"))) : null;
                    if (publication != null && ((Map<?, ?>) item).get("statistics") instanceof Map<?, ?> statistics) {
                        Map<Metric, Long> figures = new EnumMap<>(Metric.class);
                        EngagementReading.count(statistics.get("viewCount")).ifPresent(n -> figures.put(Metric.VIEWS, n));
                        EngagementReading.count(statistics.get("likeCount")).ifPresent(n -> figures.put(Metric.REACTIONS, n));
                        EngagementReading.count(statistics.get("commentCount")).ifPresent(n -> figures.put(Metric.COMMENTS, n));
                        postFigures.put(publication, figures);
                    }
                }
            }
            return new EngagementReading.Figures(channelFigures, postFigures);
        } catch (GoogleTokens.Refused e) {
            return new EngagementReading.NeedsAttention(e.getMessage());
        } catch (IOException e) {
            return new EngagementReading.RetryLater(EngagementReading.DEFAULT_WAIT, "Không kết nối được với YouTube để đọc số liệu: Herald sẽ đọc lại sau.");
        }
    }

    /** The access token of one read: renewed at most once, on YouTube's first 401, as for uploads. */
    private final class Reader {
        private final YouTubeSettings settings;
        private String token;
        private boolean renewed;

        Reader(YouTubeSettings settings, String token) {
            this.settings = settings;
            this.token = token;
        }

        PlatformAnswer call(Function<String, Request> request) throws IOException, GoogleTokens.Refused {
            PlatformAnswer answer = http.exchange(settings.timeouts(), request.apply(token));
            if (answer.status() == 401 && !renewed) {
                renewed = true;
                token = tokens.renew(settings);
                answer = http.exchange(settings.timeouts(), request.apply(token));
            }
            return answer;
        }
    }

    private static List<?> items(PlatformAnswer answer) {
        return answer.object().map(body -> body.get("items")).filter(List.class::isInstance).map(List.class::cast)
                .map(list -> (List<?>) list).orElse(List.of());
    }
}
