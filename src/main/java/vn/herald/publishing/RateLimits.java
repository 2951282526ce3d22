package vn.herald.publishing;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.CommonSettings;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * Each channel's requests-per-minute limit (Bucket4j). On PostgreSQL the buckets live in the database, so the
 * limit holds for all instances together; on the embedded H2 there is one instance and the buckets live in memory.
 */
@Singleton
class RateLimits {

    private final Optional<ProxyManager<Long>> shared;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    private final JsonMapper json;

    RateLimits(Database database, JsonMapper json) {
        this.json = json;
        this.shared = database.isPostgres()
                ? Optional.of(Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database.plainDataSource())
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").build())
                : Optional.empty();
    }

    /** Takes one request from the channel's allowance; empty when allowed, else how long to wait. */
    Optional<Duration> acquire(Channel channel) {
        int perMinute = perMinute(channel);
        // the limit is part of the key: a changed channel file starts a fresh bucket with the new limit
        String key = channel.id() + ":" + perMinute;
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build();
        ConsumptionProbe probe = shared
                .map(proxies -> proxies.getProxy(numericKey(key), () -> configuration).tryConsumeAndReturnRemaining(1))
                .orElseGet(() -> local.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit -> limit
                        .capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build())
                        .tryConsumeAndReturnRemaining(1));
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private int perMinute(Channel channel) {
        return CommonSettings.of(channel, json).rateLimitPerMinute();
    }

    private static long numericKey(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
