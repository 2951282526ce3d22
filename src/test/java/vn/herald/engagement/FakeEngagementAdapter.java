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

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A platform for the collector's tests, in place of Facebook: a send is a post with id {@code fb-<publication id>};
 * an engagement read answers what the test queued for the channel, else figures from {@link #figures}. Every read is recorded with
 * the clock's time. Two posts a call, four calls an hour: batching and pacing show with a handful of posts.
 */
@Singleton
@Requires(property = "herald.test.fake-engagement", value = "true")
@Replaces(FacebookPageAdapter.class)
public class FakeEngagementAdapter implements ChannelAdapter {

    /** One read: when, on which channel, for which publications. */
    public record Read(Instant at, String channelId, List<Long> publicationIds) {}

    private final Clock clock;
    private final List<Read> reads = new ArrayList<>();
    private final Map<String, Deque<EngagementReading>> queued = new HashMap<>();
    private volatile Function<PublishedPost, Map<Metric, Long>> figures = post -> Map.of();
    private final Map<String, Long> followers = new HashMap<>();

    FakeEngagementAdapter(Clock clock) {
        this.clock = clock;
    }

    /** From now on, reads answer these figures for each post, and a page's followers only where given. */
    synchronized void reset(Function<PublishedPost, Map<Metric, Long>> postFigures, Map<String, Long> pageFollowers) {
        reads.clear();
        queued.clear();
        figures = postFigures;
        followers.clear();
        followers.putAll(pageFollowers);
    }

    /** The next reads answer these, in order, before figures again. */
    synchronized void answer(String channelId, EngagementReading... readings) {
        queued.computeIfAbsent(channelId, id -> new ArrayDeque<>()).addAll(List.of(readings));
    }

    synchronized List<Read> reads(String channelId) {
        return reads.stream().filter(read -> read.channelId().equals(channelId)).toList();
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK_PAGE;
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        return new Payload(piece.title(), piece.title());
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        return List.of(new OutgoingRequest("POST", "https://fake.example/posts", Map.of(), delivery.payload().body()));
    }

    @Override
    public SendResult send(Delivery delivery) {
        return new SendResult.Sent("fb-" + delivery.publicationId(), "https://fake.example/fb-" + delivery.publicationId());
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        return Optional.empty();
    }

    @Override
    public synchronized EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        reads.add(new Read(clock.instant(), channel.id(), posts.stream().map(PublishedPost::publicationId).toList()));
        Deque<EngagementReading> next = queued.get(channel.id());
        if (next != null && !next.isEmpty()) {
            return next.poll();
        }
        Map<Long, Map<Metric, Long>> read = new HashMap<>();
        posts.forEach(post -> read.put(post.publicationId(), figures.apply(post)));
        Long pageFollowers = followers.get(channel.id());
        return new EngagementReading.Figures(pageFollowers == null ? Map.of() : Map.of(Metric.FOLLOWERS, pageFollowers), read);
    }

    @Override
    public int postsPerEngagementCall() {
        return 2;
    }

    @Override
    public int engagementCallsPerHour(Channel channel) {
        return 4;
    }
}
