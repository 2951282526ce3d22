package vn.herald.channel;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A configured channel, synced from its file in {@code channels/} (the id is the file name without .yml).
 * {@code settings} holds the file's own keys as JSON: endpoints, limits and the names of environment
 * variables with secrets, never a secret.
 */
@Serdeable
@MappedEntity("channel")
public record Channel(
        @Id String id,
        String unitCode,
        ChannelType type,
        ChannelMode mode,
        String name,
        String settings,
        String sourceHash,
        @Nullable String pausedReason,
        Instant createdAt,
        Instant updatedAt) {

    public boolean paused() {
        return pausedReason != null;
    }
}
