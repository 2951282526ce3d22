package vn.herald.channel.zalo;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.herald.channel.ChannelType;
import vn.herald.engagement.InstantPlatform;

/** Zalo OA for the collection benchmark: one article a call, 600 calls an hour (docs/engagement.md). */
@Singleton
@Requires(property = "herald.bench.instant-platforms", value = "true")
@Replaces(ZaloAdapter.class)
class InstantZalo extends InstantPlatform {
    InstantZalo() {
        super(ChannelType.ZALO_OA, 1, 600);
    }
}
