package vn.herald.channel.loudspeaker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a loudspeaker publication freezes when it is scheduled: the text to read, the recording if the piece has one
 * (by the SHA-256 of its bytes), and the estimated read time used when the item has to be read live.
 */
@Serdeable
public record ScriptPayload(long pieceId, String title, String text, @Nullable String audioSha256, int readSeconds) {}
