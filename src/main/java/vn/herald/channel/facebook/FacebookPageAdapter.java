package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.channel.BadSetting;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.ChannelNeedsAttention;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.EngagementReading;
import vn.herald.channel.PublishedPost;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.Secrets;
import vn.herald.content.Piece;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Posts to a Facebook Page: glue over {@link FacebookRender} (piece to post), {@link GraphCalls} (the calls) and
 * {@link GraphErrors} (error codes to results).
 */
@Singleton
public class FacebookPageAdapter implements ChannelAdapter {

    /** Around the attempt, how far the Page's feed is read back for a post it may have made (clocks differ a little). */
    private static final Duration RECONCILE_MARGIN = Duration.ofMinutes(10);
    private static final int RECONCILE_PAGES = 5;

    private final FacebookRender render;
    private final GraphCalls graph;
    private final Secrets secrets;
    private final JsonMapper json;
    private final FacebookEngagement engagement;

    FacebookPageAdapter(FacebookRender render, GraphCalls graph, Secrets secrets, JsonMapper json) {
        this.render = render;
        this.graph = graph;
        this.secrets = secrets;
        this.json = json;
        this.engagement = new FacebookEngagement(graph, secrets, json);
    }

    @Override
    public ChannelType type() {
        return ChannelType.FACEBOOK_PAGE;
    }

    @Override
    public void checkSettings(Channel channel) {
        FacebookSettings.of(channel, json);
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(channel, json);
        } catch (BadSetting e) {
            throw Refusal.conflict(RefusalCode.CHANNEL_SETTING_BAD, e.getMessage());
        }
        return render.render(piece, settings);
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return render.unmet(piece, FacebookSettings.of(channel, json), channel);
    }

    @Override
    public boolean refusesIdenticalText() {
        return true; // error 506, duplicate post
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        return render.look(payload);
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        FacebookSettings settings = FacebookSettings.of(delivery.channel(), json);
        FacebookPost post = render.read(delivery.payload());
        List<GraphCalls.Call> calls = new ArrayList<>();
        if (post.images().isEmpty()) {
            calls.add(GraphCalls.feed(settings, post, List.of()));
        } else if (post.images().size() == 1) {
            calls.add(GraphCalls.photo(settings, post.images().get(0), post.message(), true));
        } else {
            List<String> placeholders = new ArrayList<>();
            for (FacebookPost.PostImage image : post.images()) {
                calls.add(GraphCalls.photo(settings, image, null, false));
                placeholders.add("<id from upload " + (placeholders.size() + 1) + ">");
            }
            calls.add(GraphCalls.feed(settings, post, placeholders));
        }
        return calls.stream().map(call -> graph.describe(settings, call)).toList();
    }

    @Override
    public SendResult send(Delivery delivery) {
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(delivery.channel(), json);
        } catch (BadSetting e) {
            return new SendResult.NeedsAttention(e.getMessage());
        }
        Optional<String> token = secrets.get(settings.accessTokenEnv());
        if (token.isEmpty()) {
            return new SendResult.NeedsAttention(GraphErrors.missingToken(settings));
        }
        Optional<Duration> rest = graph.rest(settings);
        if (rest.isPresent()) {
            return new SendResult.RetryLater(rest, "Trang Facebook của kênh " + settings.channelId()
                    + " đã dùng gần hết hạn mức gọi API: tạm nghỉ để Facebook không chặn kênh.");
        }
        FacebookPost post;
        try {
            post = render.read(delivery.payload());
        } catch (IllegalStateException e) {
            // nothing was sent, and this payload never will be
            return new SendResult.Permanent("Nội dung đã chuẩn bị cho Facebook không đọc được (" + e.getMessage()
                    + "): hãy lên lịch lại bài.");
        }
        if (post.images().size() <= 1) {
            GraphCalls.Call call = post.images().isEmpty() ? GraphCalls.feed(settings, post, List.of())
                    : GraphCalls.photo(settings, post.images().get(0), post.message(), true);
            return graph.publish(settings, token.get(), call);
        }
        List<String> mediaIds = new ArrayList<>();
        for (FacebookPost.PostImage image : post.images()) {
            GraphCalls.Uploaded uploaded = graph.upload(settings, token.get(), image);
            if (uploaded.failure() != null) {
                return uploaded.failure();
            }
            mediaIds.add(uploaded.id());
        }
        return graph.publish(settings, token.get(), GraphCalls.feed(settings, post, mediaIds));
    }

    @Override
    public EngagementReading readEngagement(Channel channel, List<PublishedPost> posts) {
        return engagement.read(channel, posts);
    }

    @Override
    public int postsPerEngagementCall() {
        return FacebookEngagement.POSTS_PER_CALL;
    }

    @Override
    public int engagementCallsPerHour(Channel channel) {
        return FacebookEngagement.READS_PER_HOUR;
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        FacebookSettings settings;
        try {
            settings = FacebookSettings.of(delivery.channel(), json);
        } catch (BadSetting e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Optional<String> token = secrets.get(settings.accessTokenEnv());
        if (token.isEmpty()) {
            // without a token nothing can be read, nor sent: the send that follows pauses the channel with the reason
            return Optional.empty();
        }
        String expected = PostText.comparable(render.read(delivery.payload()).message());
        Instant since = delivery.attemptStartedAt().minus(RECONCILE_MARGIN);
        Instant until = delivery.attemptStartedAt().plus(settings.callTimeout()).plus(RECONCILE_MARGIN);
        String after = null;
        for (int page = 0; page < RECONCILE_PAGES; page++) {
            PlatformAnswer answer;
            try {
                answer = graph.feedPage(settings, token.get(), since, until, after);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the feed of Facebook channel " + settings.channelId(), e);
            }
            Map<?, ?> body = answer.object().orElse(Map.of());
            if (!GraphCalls.successful(answer) || !(body.get("data") instanceof List<?> posts)) {
                if ((GraphErrors.error(answer).isPresent() || answer.status() / 100 != 2)
                        && graph.failure(settings, answer) instanceof SendResult.NeedsAttention attention) {
                    // a dead token or a lost permission: nothing more is tried on the channel until a person acts
                    throw new ChannelNeedsAttention(attention.reason());
                }
                String why = GraphErrors.error(answer).isPresent() || answer.status() / 100 != 2
                        ? reasonOf(graph.failure(settings, answer)) : "unreadable answer: " + answer.bodyExcerpt();
                throw new IllegalStateException("could not read the feed of Facebook channel " + settings.channelId() + ": " + why);
            }
            for (Object item : posts) {
                if (item instanceof Map<?, ?> found && found.get("id") != null
                        && expected.equals(PostText.comparable(found.get("message") == null ? "" : found.get("message").toString()))) {
                    Object permalink = found.get("permalink_url");
                    return Optional.of(new SendResult.Sent(found.get("id").toString(), permalink == null ? null : permalink.toString()));
                }
            }
            after = nextCursor(body);
            if (after == null) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The cursor of the next page, only when Facebook says there is one (its own next URL carries the token). */
    @Nullable
    private static String nextCursor(Map<?, ?> answer) {
        if (answer.get("paging") instanceof Map<?, ?> paging && paging.get("next") != null
                && paging.get("cursors") instanceof Map<?, ?> cursors && cursors.get("after") != null) {
            return cursors.get("after").toString();
        }
        return null;
    }

    private static String reasonOf(SendResult result) {
        if (result instanceof SendResult.RetryLater later) {
            return later.reason();
        }
        if (result instanceof SendResult.NeedsAttention attention) {
            return attention.reason();
        }
        return result instanceof SendResult.Permanent permanent ? permanent.reason() : result.toString();
    }
}
