package vn.herald.channel.tiktok;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * What a TikTok publication sends, frozen at scheduling: the video by its hash (and what ffprobe read of it), the
 * caption with its hashtags, the viewers wanted (creator_info decides what is sent), the cover frame, and the
 * portal's public address of the file for PULL_FROM_URL.
 */
@Serdeable
record TikTokPayload(String videoSha256, long videoBytes, double seconds, int width, int height,
                     @Nullable String posterSha256, String title, String privacyLevel, int coverTimestampMillis,
                     String videoUrl) {}
