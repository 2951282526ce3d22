package vn.herald.channel.video;

import jakarta.inject.Singleton;
import vn.herald.content.Asset;
import vn.herald.content.AssetType;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.VideoProbe;

import java.util.Optional;

/**
 * The one answer to "which video does this piece go out as": a VIDEO piece's own upload. Video channels render their
 * payload from it and refuse a piece that has none.
 */
@Singleton
public class PieceVideos {

    private final Assets assets;
    private final VideoProbe probe;

    PieceVideos(Assets assets, VideoProbe probe) {
        this.assets = assets;
        this.probe = probe;
    }

    /** The piece's video, in {@code preferred} shape where there is a choice; empty when the piece has none. */
    public Optional<PieceVideo> of(Piece piece, VideoShape preferred) {
        if (piece.kind() == PieceKind.VIDEO && piece.videoAssetId() != null) {
            return assets.find(piece.videoAssetId()).map(video -> uploaded(piece, video));
        }
        return Optional.empty();
    }

    private PieceVideo uploaded(Piece piece, Asset video) {
        VideoProbe.Facts facts = probe.check(assets.fileOf(video), AssetType.ofMediaType(video.mediaType()), video.originalName());
        return new PieceVideo(video, piece.captionsAssetId() == null ? null : assets.find(piece.captionsAssetId()).orElse(null),
                piece.coverAssetId() == null ? null : assets.find(piece.coverAssetId()).orElse(null),
                facts.seconds(), facts.width(), facts.height());
    }
}
