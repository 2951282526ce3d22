package vn.herald.publishing;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.Channel;
import vn.herald.channel.CommonSettings;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each channel's requests-per-minute limit, kept for every 60-second window: every call started on a channel is
 * counted in {@code channel_send_start}, and a new one is allowed only while fewer than the limit started in the
 * last 60 s. Counting and recording happen under the channel row's lock, in the database, so the limit holds for
 * all instances together and across restarts, on H2 and PostgreSQL alike. A token bucket (Bucket4j, used before)
 * starts full and refills as it goes, so it lets nearly twice the limit through in one window, and has no H2 store.
 * <p>
 * So that a fast channel's row is not locked for every send, an instance reserves a block of starts at once (a
 * twentieth of the limit, at most 50) and hands them out itself for {@link #BLOCK_LIFE}; the block is recorded as
 * started at the end of that life, the latest any of its calls may start, so every window still counts each call.
 * Starts left over when the block's life ends are not used, which only ever errs below the limit. A channel
 * allowed fewer than 40 a minute gets blocks of one, recorded when the call starts, as before.
 */
@Singleton
class RateLimits {

    static final Duration WINDOW = Duration.ofSeconds(60);
    static final Duration BLOCK_LIFE = Duration.ofSeconds(1);
    private static final int MAX_BLOCK = 50;

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    RateLimits(Database database, JsonMapper json, Clock clock) {
        this.dataSource = database.plainDataSource();
        this.json = json;
        this.clock = clock;
    }

    /** Starts reserved by this instance and not handed out yet, usable until {@code until}. */
    private static final class Block {
        private int left;
        private Instant until = Instant.MIN;
    }

    /** Takes one call start on the channel if its window has room; empty when allowed, else how long to wait. */
    Optional<Duration> acquire(Channel channel) {
        int perMinute = perMinute(channel);
        Block block = blocks.computeIfAbsent(channel.id(), id -> new Block());
        // one thread per channel reserves; the others of the channel wait for it rather than lock the row too
        synchronized (block) {
            Instant now = clock.instant();
            if (block.left > 0 && !now.isAfter(block.until)) {
                block.left--;
                return Optional.empty();
            }
            block.left = 0;
            Reserved reserved = reserve(channel.id(), perMinute, Math.max(1, Math.min(MAX_BLOCK, perMinute / 20)), now);
            if (reserved.waitFor().isPresent()) {
                return reserved.waitFor();
            }
            block.left = reserved.starts() - 1;
            block.until = reserved.until();
            return Optional.empty();
        }
    }

    /** Starts granted up to {@code until}, or how long to wait when the window is full. */
    private record Reserved(int starts, Instant until, Optional<Duration> waitFor) {}

    private Reserved reserve(String channelId, int perMinute, int wanted, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Reserved reserved = reserve(connection, channelId, perMinute, wanted, now);
                connection.commit();
                return reserved;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit of channel " + channelId + ": the database failed: "
                    + e.getMessage(), e);
        }
    }

    private static Reserved reserve(Connection connection, String channelId, int perMinute, int wanted, Instant now)
            throws SQLException {
        // the channel's row is the lock: whoever counts for this channel, on any instance, waits for the others
        try (PreparedStatement lock = connection.prepareStatement("select id from channel where id = ? for update")) {
            lock.setString(1, channelId);
            lock.executeQuery().close();
        }
        OffsetDateTime windowStart = OffsetDateTime.ofInstant(now.minus(WINDOW), ZoneOffset.UTC);
        try (PreparedStatement old = connection.prepareStatement(
                "delete from channel_send_start where channel_id = ? and started_at <= ?")) {
            old.setString(1, channelId);
            old.setObject(2, windowStart);
            old.executeUpdate();
        }
        List<Instant> startedAt = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        int used = 0;
        try (PreparedStatement select = connection.prepareStatement("select started_at, starts from channel_send_start "
                + "where channel_id = ? and started_at > ? order by started_at")) {
            select.setString(1, channelId);
            select.setObject(2, windowStart);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    startedAt.add(rows.getObject(1, OffsetDateTime.class).toInstant());
                    starts.add(rows.getInt(2));
                    used += rows.getInt(2);
                }
            }
        }
        if (used >= perMinute) {
            // room comes back when enough of the oldest starts have left the window
            int freed = 0;
            int i = 0;
            while (i < starts.size() - 1 && used - freed - starts.get(i) >= perMinute) {
                freed += starts.get(i);
                i++;
            }
            Duration wait = Duration.between(now, startedAt.get(i).plus(WINDOW));
            return new Reserved(0, now, Optional.of(wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait));
        }
        int granted = Math.min(wanted, perMinute - used);
        // one start is used now; several may be used until the end of the block's life, so they count from then
        Instant recordedAt = granted == 1 ? now : now.plus(BLOCK_LIFE);
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into channel_send_start (channel_id, started_at, starts) values (?, ?, ?)")) {
            insert.setString(1, channelId);
            insert.setObject(2, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC));
            insert.setInt(3, granted);
            insert.executeUpdate();
        }
        return new Reserved(granted, recordedAt, Optional.empty());
    }

    private int perMinute(Channel channel) {
        return CommonSettings.of(channel, json).rateLimitPerMinute();
    }
}
