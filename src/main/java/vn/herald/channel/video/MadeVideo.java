package vn.herald.channel.video;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One video made from a piece's revision in one shape: its state, and once READY its stored files, its length and
 * how long making it took. {@code reason} is a stable code ({@link VideoMaker.Failure}) when it FAILED.
 */
@MappedEntity("made_video")
record MadeVideo(@Id @GeneratedValue @Nullable Long id, long pieceId, int revision, VideoShape shape,
                 MadeVideoStatus status, @Nullable String reason, @Nullable Long videoAssetId,
                 @Nullable Long captionsAssetId, @Nullable Double seconds, Instant requestedAt,
                 @Nullable Instant madeAt, @Nullable Long makingMillis) {

    static MadeVideo requested(long pieceId, int revision, VideoShape shape, Instant at) {
        return new MadeVideo(null, pieceId, revision, shape, MadeVideoStatus.MAKING, null, null, null, null, at, null, null);
    }

    MadeVideo again(Instant at) {
        return new MadeVideo(id, pieceId, revision, shape, MadeVideoStatus.MAKING, null, null, null, null, at, null, null);
    }

    MadeVideo ready(long video, @Nullable Long captions, double length, Instant at, long millis) {
        return new MadeVideo(id, pieceId, revision, shape, MadeVideoStatus.READY, null, video, captions, length,
                requestedAt, at, millis);
    }

    MadeVideo failed(String code, Instant at, long millis) {
        return new MadeVideo(id, pieceId, revision, shape, MadeVideoStatus.FAILED, code, null, null, null, requestedAt,
                at, millis);
    }
}
