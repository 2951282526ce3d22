package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One page login; {@code id} is the SHA-256 of the session id the cookie carries, never the id itself. */
@MappedEntity("login_session")
record Session(
        @Id String id,
        String username,
        @Nullable String clientAddress,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant endedAt,
        @Nullable String endReason) {

    boolean liveAt(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }
}
