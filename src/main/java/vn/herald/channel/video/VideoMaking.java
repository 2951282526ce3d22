package vn.herald.channel.video;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.content.Asset;
import vn.herald.content.Assets;
import vn.herald.content.MediaLibrary;
import vn.herald.content.Piece;
import vn.herald.content.PieceChanged;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Videos made from pieces: asked for by an editor (one click, one API call), made one at a time off the request's
 * thread ({@link VideoMakingExecutor}), made again for each new revision of a piece that has any, and read back by
 * {@link PieceVideos} for the video channels. A made video belongs to the revision it was made from.
 */
@Singleton
public class VideoMaking {

    private static final Logger LOG = LoggerFactory.getLogger(VideoMaking.class);

    /** One made video as the API and the piece page show it. */
    @Serdeable
    public record View(VideoShape shape, int revision, boolean current, MadeVideoStatus status, @Nullable String reason,
                       @Nullable Double seconds, int width, int height, @Nullable Long sizeBytes,
                       @Nullable String videoUrl, @Nullable String captionsUrl, Instant requestedAt,
                       @Nullable Instant madeAt, @Nullable Long makingMillis) {}

    /** A piece's made videos, those of its current revision first. */
    @Serdeable
    public record Videos(long pieceId, int revision, List<View> videos) {}

    private final MadeVideoRepository rows;
    private final VideoMaker maker;
    private final Pieces pieces;
    private final Assets assets;
    private final Access access;
    private final Executor executor;
    private final Clock clock;
    /** The rows this instance has queued or is making: a MAKING row outside it was cut by a restart and is queued again. */
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();

    VideoMaking(MadeVideoRepository rows, VideoMaker maker, Pieces pieces, Assets assets, Access access,
                @Named(VideoMakingExecutor.NAME) Executor executor, Clock clock) {
        this.rows = rows;
        this.maker = maker;
        this.pieces = pieces;
        this.assets = assets;
        this.access = access;
        this.executor = executor;
        this.clock = clock;
    }

    /**
     * Starts making the piece's video in these shapes for its current revision, as an edit of the piece is allowed
     * (same roles and units): a shape already made or under way is left as it is, a failed one is tried again.
     */
    public Videos request(long pieceId, Collection<VideoShape> shapes) {
        Piece piece = pieces.get(pieceId);
        access.act(piece.unitCode(), Refusal.Noun.PIECE, pieceId);
        if (piece.status() == PieceStatus.ARCHIVED) {
            throw Refusal.conflict(RefusalCode.PIECE_ARCHIVED, pieceId);
        }
        maker.checkMakeable(piece);
        for (VideoShape shape : shapes.isEmpty() ? EnumSet.allOf(VideoShape.class) : EnumSet.copyOf(shapes)) {
            start(piece.id(), piece.revision(), shape);
        }
        return list(pieceId);
    }

    /** The piece's made videos, for whoever reads the piece. */
    public Videos list(long pieceId) {
        Piece piece = pieces.get(pieceId);
        List<View> views = new ArrayList<>();
        for (MadeVideo row : made(pieceId)) {
            views.add(view(row, piece.revision()));
        }
        return new Videos(pieceId, piece.revision(), views);
    }

    /** The READY video of the piece's current revision in this shape, if made. */
    Optional<MadeVideo> ready(Piece piece, VideoShape shape) {
        return rows.findByPieceIdAndRevisionAndShape(piece.id(), piece.revision(), shape)
                .filter(row -> row.status() == MadeVideoStatus.READY);
    }

    /**
     * A new revision of a piece that has made videos gets its own, in the same shapes, once the edit has committed;
     * the earlier revision's files stay, since publications scheduled with them froze their hash.
     */
    @TransactionalEventListener
    void onPieceChanged(PieceChanged change) {
        if (change.status() == PieceStatus.ARCHIVED) {
            return;
        }
        List<MadeVideo> made = made(change.pieceId());
        if (made.isEmpty() || made.stream().anyMatch(row -> row.revision() >= change.revision())) {
            return;
        }
        made.stream().map(MadeVideo::shape).distinct().forEach(shape -> start(change.pieceId(), change.revision(), shape));
    }

    private void start(long pieceId, int revision, VideoShape shape) {
        Instant now = clock.instant();
        Optional<MadeVideo> known = rows.findByPieceIdAndRevisionAndShape(pieceId, revision, shape);
        MadeVideo row;
        if (known.isEmpty()) {
            row = rows.save(MadeVideo.requested(pieceId, revision, shape, now));
        } else if (known.get().status() == MadeVideoStatus.FAILED) {
            row = rows.update(known.get().again(now));
        } else if (known.get().status() == MadeVideoStatus.MAKING && !queued.contains(known.get().id())) {
            row = known.get();
        } else {
            return;
        }
        long id = row.id();
        queued.add(id);
        try {
            executor.execute(() -> make(id));
        } catch (RejectedExecutionException busy) {
            queued.remove(id);
            rows.update(row.failed("busy", clock.instant(), 0));
        }
    }

    /** Makes one queued video; runs on the video executor, as Herald's own work. */
    private void make(long rowId) {
        long began = System.nanoTime();
        try {
            Optional<MadeVideo> found = rows.findById(rowId);
            if (found.isEmpty() || found.get().status() != MadeVideoStatus.MAKING) {
                return;
            }
            MadeVideo row = found.get();
            Piece piece = pieces.get(row.pieceId());
            if (piece.revision() != row.revision()) {
                // the edit made its own row for the new revision; this one's text is gone from the piece
                rows.update(row.failed("revision-replaced", clock.instant(), elapsed(began)));
                return;
            }
            try {
                VideoMaker.Made made = maker.make(piece, row.shape());
                rows.update(row.ready(made.video().id(), made.captions() == null ? null : made.captions().id(),
                        made.seconds(), clock.instant(), elapsed(began)));
                LOG.info("video of piece {} revision {} ({}) made in {} ms: {} bytes", piece.id(), row.revision(),
                        row.shape(), elapsed(began), made.video().sizeBytes());
            } catch (VideoMaker.Failure failure) {
                rows.update(row.failed(failure.code(), clock.instant(), elapsed(began)));
            }
        } catch (RuntimeException e) {
            LOG.error("video {} not made", rowId, e);
            rows.findById(rowId).filter(row -> row.status() == MadeVideoStatus.MAKING)
                    .ifPresent(row -> rows.update(row.failed("ffmpeg-failed", clock.instant(), elapsed(began))));
        } finally {
            queued.remove(rowId);
        }
    }

    /** The piece's rows, newest revision first, upright before wide. */
    private List<MadeVideo> made(long pieceId) {
        return rows.findByPieceId(pieceId).stream()
                .sorted(Comparator.comparing(MadeVideo::revision).reversed().thenComparing(MadeVideo::shape)).toList();
    }

    private static long elapsed(long began) {
        return (System.nanoTime() - began) / 1_000_000;
    }

    private View view(MadeVideo row, int currentRevision) {
        Optional<Asset> video = row.videoAssetId() == null ? Optional.empty() : assets.find(row.videoAssetId());
        Optional<Asset> captions = row.captionsAssetId() == null ? Optional.empty() : assets.find(row.captionsAssetId());
        return new View(row.shape(), row.revision(), row.revision() == currentRevision, row.status(), row.reason(),
                row.seconds(), row.shape().width(), row.shape().height(), video.map(Asset::sizeBytes).orElse(null),
                video.map(a -> MediaLibrary.FILE_PATH + a.sha256()).orElse(null),
                captions.map(a -> MediaLibrary.FILE_PATH + a.sha256()).orElse(null),
                row.requestedAt(), row.madeAt(), row.makingMillis());
    }
}
