package vn.herald.engagement;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.Metric;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.SendResult;
import vn.herald.channel.facebook.FacebookPageAdapter;
import vn.herald.content.Piece;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A platform for the collection benchmark that answers every engagement read at once, with the batch size and the
 * hourly budget of the real platform's reader (docs/engagement.md): Herald's own cost of a night is what is measured.
 */
public abstract class InstantPlatform implements ChannelAdapter {

    private final ChannelType type;
    private final int batch;
    private final int perHour;

    protected InstantPlatform(ChannelType type, int batch, int perHour) {
        this.type = type;
        this.batch = batch;
        this.perHour = perHour;
    }

    @Override
    public ChannelType type() {
        return type;
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        return new Payload(piece.title(), piece.title());
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        return List.of();
    }

    @Override
    public SendResult send(Delivery delivery) {
        return new SendResult.Sent("post-" + delivery.publicationId(), null);
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        return Optional.empty();
    }

    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        Map<Long, Map<Metric, Long>> figures = new HashMap<>();
        for (PublishedPost post : posts) {
            long seed = post.publicationId() % 97;
            figures.put(post.publicationId(), Map.of(Metric.UNIQUE_VIEWERS, 100 + seed, Metric.VIEWS, 150 + seed,
                    Metric.REACTIONS, seed / 3, Metric.COMMENTS, seed / 9, Metric.SHARES, seed / 11));
        }
        return new EngagementReading.Figures(Map.of(Metric.FOLLOWERS, 1000L + channel.id().length()), figures);
    }

    @Override
    public int postsPerEngagementCall() {
        return batch;
    }

    @Override
    public int engagementCallsPerHour(Channel channel) {
        return perHour;
    }

    /** Facebook Pages: 50 posts a call, 180 calls an hour (docs/engagement.md). */
    @Singleton
    @Requires(property = "herald.bench.instant-platforms", value = "true")
    @Replaces(FacebookPageAdapter.class)
    static class Facebook extends InstantPlatform {
        Facebook() {
            super(ChannelType.FACEBOOK_PAGE, 50, 180);
        }
    }
}
