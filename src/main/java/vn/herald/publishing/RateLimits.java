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
import java.util.Optional;

/**
 * Each channel's requests-per-minute limit, kept for every 60-second window: every call started on a channel is a
 * row in {@code channel_send_start}, and a new one is allowed only while fewer than the limit started in the last
 * 60 s. Counting and recording happen under the channel row's lock, in the database, so the limit holds for all
 * instances together and across restarts, on H2 and PostgreSQL alike. A token bucket (Bucket4j, used before) starts
 * full and refills as it goes, so it lets nearly twice the limit through in one window, and has no H2 store.
 */
@Singleton
class RateLimits {

    static final Duration WINDOW = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final JsonMapper json;
    private final Clock clock;

    RateLimits(Database database, JsonMapper json, Clock clock) {
        this.dataSource = database.plainDataSource();
        this.json = json;
        this.clock = clock;
    }

    /** Records one call start on the channel if its window has room; empty when allowed, else how long to wait. */
    Optional<Duration> acquire(Channel channel) {
        int perMinute = perMinute(channel);
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                Optional<Duration> wait = acquire(connection, channel.id(), perMinute, clock.instant());
                connection.commit();
                return wait;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rate limit of channel " + channel.id() + ": the database failed: "
                    + e.getMessage(), e);
        }
    }

    private static Optional<Duration> acquire(Connection connection, String channelId, int perMinute, Instant now)
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
        List<Instant> inWindow = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select started_at from channel_send_start where channel_id = ? and started_at > ? order by started_at")) {
            select.setString(1, channelId);
            select.setObject(2, windowStart);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    inWindow.add(rows.getObject(1, OffsetDateTime.class).toInstant());
                }
            }
        }
        if (inWindow.size() >= perMinute) {
            // room comes back when enough of the oldest starts have left the window
            Duration wait = Duration.between(now, inWindow.get(inWindow.size() - perMinute).plus(WINDOW));
            return Optional.of(wait.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : wait);
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into channel_send_start (channel_id, started_at) values (?, ?)")) {
            insert.setString(1, channelId);
            insert.setObject(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return Optional.empty();
    }

    private int perMinute(Channel channel) {
        return CommonSettings.of(channel, json).rateLimitPerMinute();
    }
}
