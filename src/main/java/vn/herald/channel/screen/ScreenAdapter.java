package vn.herald.channel.screen;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.ChannelAdapter;
import vn.herald.channel.ChannelPreview;
import vn.herald.channel.ChannelRequirement;
import vn.herald.channel.ChannelSettings;
import vn.herald.channel.ChannelType;
import vn.herald.channel.Delivery;
import vn.herald.channel.OutgoingRequest;
import vn.herald.channel.Payload;
import vn.herald.channel.SendResult;
import vn.herald.channel.video.PieceVideo;
import vn.herald.channel.video.PieceVideos;
import vn.herald.channel.video.VideoShape;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A screen in the service hall (an LED wall, a TV with a browser). Nothing is pushed anywhere: the screen asks Herald
 * for its loop, which is every live publication on the channel within its show days. Sending a publication is what
 * puts its slide in the loop; cancelling it takes the slide out at the screen's next question.
 */
@Singleton
public class ScreenAdapter implements ChannelAdapter {

    private final Pieces pieces;
    private final Assets assets;
    private final PieceVideos videos;
    private final JsonMapper json;

    ScreenAdapter(Pieces pieces, Assets assets, PieceVideos videos, JsonMapper json) {
        this.pieces = pieces;
        this.assets = assets;
        this.videos = videos;
        this.json = json;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SCREEN;
    }

    @Override
    public void checkSettings(Channel channel) {
        settings(channel);
    }

    /** The settings of a screen channel, checked when its file was imported. */
    public ScreenSettings settings(Channel channel) {
        return ChannelSettings.bind(channel, json, ScreenSettings::parse);
    }

    @Override
    public List<ChannelRequirement> unmet(Piece piece, Channel channel) {
        // a video piece is its video: without a playable file there is nothing to show
        return piece.kind() == PieceKind.VIDEO && videos.of(piece, VideoShape.LANDSCAPE).isEmpty()
                ? List.of(new ChannelRequirement(RefusalCode.CHANNEL_NEEDS_VIDEO, channel.name())) : List.of();
    }

    @Override
    public Payload render(Piece piece, Channel channel) {
        int seconds = settings(channel).slideSeconds();
        // a piece that has a video (its upload, or one made from it) plays it: motion draws the eye in a hall
        Optional<PieceVideo> video = videos.of(piece, VideoShape.LANDSCAPE);
        Slide slide = video.isPresent() ? videoSlide(piece, video.get()) : switch (piece.kind()) {
            case INFOGRAPHIC -> new Slide(piece.id(), Slide.Kind.INFOGRAPHIC, piece.title(),
                    firstOf(piece.caption(), piece.summary()), sha256(piece.imageAssetId() != null ? piece.imageAssetId()
                    : piece.coverAssetId()), piece.altText(), seconds);
            case VIDEO -> throw new IllegalStateException("piece " + piece.id() + " has no video; unmet refuses it");
            case ARTICLE -> new Slide(piece.id(), Slide.Kind.ARTICLE, piece.title(),
                    firstOf(piece.summary(), pieces.plainText(piece).strip()), sha256(piece.coverAssetId()),
                    piece.altText(), seconds);
            case RADIO_SCRIPT -> new Slide(piece.id(), Slide.Kind.SCRIPT, piece.title(), pieces.plainText(piece).strip(),
                    null, null, seconds);
        };
        try {
            return new Payload(json.writeValueAsString(slide), piece.title());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The slide frozen in a payload. */
    public Slide slide(Payload payload) {
        try {
            return json.readValue(payload.body(), Slide.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ChannelPreview look(Payload payload, Channel channel) {
        Slide slide = slide(payload);
        return new ChannelPreview(slide.title(), slide.text(), null,
                slide.imageSha256() == null ? null : "/media/files/" + slide.imageSha256(), slide.imageAlt(), null,
                slide.kind() == Slide.Kind.VIDEO ? java.time.Duration.ofSeconds(slide.seconds()) : null,
                false, payload.warnings());
    }

    /** What a dry run records: the slide the loop would gain; the live loop is left as it is. */
    @Override
    public List<OutgoingRequest> preview(Delivery delivery) {
        return List.of(new OutgoingRequest("SHOW", "screen:" + delivery.channel().id(), Map.of(), delivery.payload().body()));
    }

    @Override
    public SendResult send(Delivery delivery) {
        // the loop is read from the published publications: being published is being on the screen
        return new SendResult.Sent("screen-" + delivery.publicationId(), null);
    }

    @Override
    public Optional<SendResult.Sent> findExisting(Delivery delivery) {
        // a send changes nothing outside Herald, so sending again after a cut is the same as having sent
        return Optional.empty();
    }

    @Override
    public boolean withdrawsOnCancel() {
        return true;
    }

    /** The video plays muted with its captions, for as long as it lasts; its poster shows while it loads. */
    private Slide videoSlide(Piece piece, PieceVideo video) {
        return new Slide(piece.id(), Slide.Kind.VIDEO, piece.title(), firstOf(piece.summary(), null),
                video.poster() == null ? null : video.poster().sha256(), piece.altText(),
                (int) Math.max(1, Math.ceil(video.seconds())), video.video().sha256(),
                video.captions() == null ? null : video.captions().sha256());
    }

    private String sha256(Long assetId) {
        return assetId == null ? null : assets.find(assetId).map(Asset::sha256).orElse(null);
    }

    private static String firstOf(String first, String second) {
        return first != null && !first.isBlank() ? first.strip() : second == null || second.isBlank() ? null : second;
    }
}
