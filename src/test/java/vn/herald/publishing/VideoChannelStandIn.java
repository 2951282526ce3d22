package vn.herald.publishing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.reflect.ClassUtils;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.video.PieceVideo;
import vn.herald.channel.video.PieceVideos;
import vn.herald.channel.video.VideoShape;
import vn.herald.content.Piece;
import vn.herald.support.RefusalCode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stand-ins for the YouTube and TikTok adapters in the planning tests, while this build has none: each requires what
 * the real ones require of a piece (a video, {@code channel-needs-video}) and records a dry run of the upload. Once
 * the real adapter is on the class path it serves the channel and its stand-in steps aside, so the tests then run
 * against the real rule.
 */
abstract class VideoChannelStandIn implements ChannelAdapter {

    private final PieceVideos videos;
    private final VideoShape shape;

    VideoChannelStandIn(PieceVideos videos, VideoShape shape) {
        this.videos = videos;
        this.shape = shape;
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        return videos.of(piece, shape).isEmpty()
                ? List.of(new ChannelRequirement(RefusalCode.CHANNEL_NEEDS_VIDEO, channel.name())) : List.of();
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        PieceVideo video = videos.of(piece, shape).orElseThrow();
        return new Payload(video.video().sha256(), piece.title());
    }

    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        return List.of(new OutgoingRequest("PUT", "upload:" + type(), Map.of(), delivery.payload().body()));
    }

    @Override
    public SendResult send(Delivery delivery) {
        return new SendResult.Sent(type() + "-" + delivery.publicationId(), null);
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        return Optional.empty();
    }

    /** True while the build has no real adapter of that name: the stand-in then serves its type. */
    abstract static class Missing implements Condition {
        private final String adapter;

        Missing(String adapter) {
            this.adapter = adapter;
        }

        @Override
        public boolean matches(ConditionContext context) {
            return !ClassUtils.isPresent(adapter, VideoChannelStandIn.class.getClassLoader());
        }
    }

    public static final class NoYouTubeAdapter extends Missing {
        public NoYouTubeAdapter() {
            super("vn.herald.channel.youtube.YouTubeAdapter");
        }
    }

    public static final class NoTikTokAdapter extends Missing {
        public NoTikTokAdapter() {
            super("vn.herald.channel.tiktok.TikTokAdapter");
        }
    }

    @Singleton
    @Requires(property = "herald.test.video-stand-ins", value = "true")
    @Requires(condition = NoYouTubeAdapter.class)
    static class YouTube extends VideoChannelStandIn {
        YouTube(PieceVideos videos) {
            super(videos, VideoShape.LANDSCAPE);
        }

        @Override
        public ChannelType type() {
            return ChannelType.YOUTUBE;
        }
    }

    @Singleton
    @Requires(property = "herald.test.video-stand-ins", value = "true")
    @Requires(condition = NoTikTokAdapter.class)
    static class TikTok extends VideoChannelStandIn {
        TikTok(PieceVideos videos) {
            super(videos, VideoShape.VERTICAL);
        }

        @Override
        public ChannelType type() {
            return ChannelType.TIKTOK;
        }
    }
}
