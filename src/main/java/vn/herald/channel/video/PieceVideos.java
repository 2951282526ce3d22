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
 * The one answer to "which video does this piece go out as": a VIDEO piece's own upload, or for any other piece the
 * video Herald made from its current revision ({@link VideoMaking}), in the preferred shape when made, else the other.
 * Video channels render their payload from it and refuse a piece that has none.
 */
@Singleton
public class PieceVideos {

    private final Assets assets;
    private final VideoProbe probe;
    private final VideoMaking making;

    PieceVideos(Assets assets, VideoProbe probe, VideoMaking making) {
        this.assets = assets;
        this.probe = probe;
        this.making = making;
    }

    /** The piece's video, in {@code preferred} shape where there is a choice; empty when the piece has none. */
    public Optional<PieceVideo> of(Piece piece, VideoShape preferred) {
        if (piece.kind() == PieceKind.VIDEO) {
            return piece.videoAssetId() == null ? Optional.empty()
                    : assets.find(piece.videoAssetId()).map(video -> uploaded(piece, video));
        }
        VideoShape other = preferred == VideoShape.VERTICAL ? VideoShape.LANDSCAPE : VideoShape.VERTICAL;
        return making.ready(piece, preferred).or(() -> making.ready(piece, other)).flatMap(row -> made(piece, row));
    }

    private PieceVideo uploaded(Piece piece, Asset video) {
        VideoProbe.Facts facts = probe.check(assets.fileOf(video), AssetType.ofMediaType(video.mediaType()), video.originalName());
        return new PieceVideo(video, piece.captionsAssetId() == null ? null : assets.find(piece.captionsAssetId()).orElse(null),
                poster(piece), facts.seconds(), facts.width(), facts.height());
    }

    /** A made video's facts were read by ffprobe when it was stored; its frame is its shape's. */
    private Optional<PieceVideo> made(Piece piece, MadeVideo row) {
        return assets.find(row.videoAssetId()).map(video -> new PieceVideo(video,
                row.captionsAssetId() == null ? null : assets.find(row.captionsAssetId()).orElse(null), poster(piece),
                row.seconds(), row.shape().width(), row.shape().height()));
    }

    private Asset poster(Piece piece) {
        return piece.coverAssetId() == null ? null : assets.find(piece.coverAssetId()).orElse(null);
    }
}
