package vn.herald.engagement;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The outcome of a channel's last engagement reading. {@code code} and {@code args} (a JSON list) name the refusal
 * text of a NOT_AVAILABLE or DRY_RUN; {@code reason} is the adapter's Vietnamese sentence of a trouble.
 */
record ChannelState(String channelId, Kind kind, @Nullable String code, @Nullable String args, @Nullable String reason,
                    @Nullable Instant retryAt, Instant since, Instant readAt) {

    enum Kind { OK, NOT_AVAILABLE, RETRY_LATER, NEEDS_ATTENTION, DRY_RUN }
}
