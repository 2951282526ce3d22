package vn.herald.broadcast;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The kiosk address of a screen channel, as the fingerprint and the sealed copy of its secret token. */
@MappedEntity("screen_feed")
record ScreenFeed(@Id String channelId, String tokenHash, String tokenSealed, Instant issuedAt) {}
