package vn.herald.channel.platform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Sealing;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;

/**
 * Access tokens of platforms whose refresh token works once (Zalo OA, TikTok): each refresh spends the stored refresh
 * token and the platform hands back a new one. So a refresh happens under a row lock ({@code select ... for update}):
 * the instance holding the lock calls the platform and commits the new pair before anyone uses the new access token;
 * an instance that waited for the lock finds the fresh pair and spends nothing. Both tokens are sealed with
 * {@link Sealing} under the key the channel file's variable names. A refresh token set in the environment that differs
 * from the one last taken (its SHA-256, {@code seed_hash}) replaces the stored one: a person re-authorised the account.
 * Tokens never leave this class except as the value the caller puts in a header.
 */
@Singleton
public class RotatingTokens {

    private static final Logger LOG = LoggerFactory.getLogger(RotatingTokens.class);
    private static final String UNIQUE_VIOLATION = "23505";

    /** Where a platform's tokens are kept: one table each, of the same shape (V3 zalo_token, V29 tiktok_token). */
    public enum Store {
        ZALO("zalo_token", "Zalo OA"), TIKTOK("tiktok_token", "TikTok");

        private final String table;
        private final String platform;

        Store(String table, String platform) {
            this.table = table;
            this.platform = platform;
        }
    }

    /**
     * One channel's tokens as its adapter describes them.
     *
     * @param noRefreshTokenYet what a person must do when neither the database nor the environment holds a refresh
     *                          token (Vietnamese, names the variable)
     * @param needsAttention    the platform's own failure for trouble a person must fix, which its adapter turns into a
     *                          paused channel
     */
    public record Account(Store store, String channelId, String refreshTokenEnv, String tokenKeyEnv, Duration refreshAhead,
                          Duration lockWait, String noRefreshTokenYet, Function<String, RuntimeException> needsAttention) {}

    /** What the platform handed back for a refresh token. */
    public record Grant(String accessToken, String refreshToken, Instant expiresAt) {}

    /** The platform's refresh call: spends {@code refreshToken}; throws the platform's own failure for any trouble. */
    @FunctionalInterface
    public interface Exchange {
        Grant spend(String refreshToken);
    }

    private record Row(String refreshSealed, @Nullable String accessSealed, @Nullable Instant expiresAt, String seedHash) {}

    private final DataSource plain;
    private final Secrets secrets;
    private final Clock clock;

    RotatingTokens(DataSource dataSource, Secrets secrets, Clock clock) {
        // its own connections, outside any caller's transaction: the new refresh token must be committed at once
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
        this.secrets = secrets;
        this.clock = clock;
    }

    /** An access token that stays valid for at least the account's {@code refreshAhead}. */
    public String accessToken(Account account, Exchange exchange) {
        Sealing sealing = sealing(account);
        Row row = withConnection(account.store(), connection -> read(connection, account.store(), account.channelId(), false));
        if (row != null && freshEnough(row, account)) {
            return open(sealing, row.accessSealed(), account, "access");
        }
        return refresh(account, exchange, sealing, null);
    }

    /** The platform refused {@code rejected}: a new token, unless another call has already replaced it. */
    public String afterRejection(Account account, Exchange exchange, String rejected) {
        return refresh(account, exchange, sealing(account), rejected);
    }

    /** When the stored access token expires; empty before the first refresh. Reads only: never calls the platform. */
    public Optional<Instant> accessExpiresAt(Store store, String channelId) {
        Row row = withConnection(store, connection -> read(connection, store, channelId, false));
        return Optional.ofNullable(row == null ? null : row.expiresAt());
    }

    /** A token's lifetime as platforms write it: seconds as a number or a string; a missing or odd value is one hour. */
    public static Duration expiresIn(@Nullable Object value) {
        try {
            long seconds = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
            return Duration.ofSeconds(seconds > 0 ? seconds : 3600);
        } catch (NumberFormatException e) {
            return Duration.ofHours(1);
        }
    }

    /** The context a sealed column is bound to, so that a value moved to another row or column does not open. */
    public static String context(Store store, String channelId, String column) {
        return store.table + ":" + channelId + ":" + column;
    }

    private String refresh(Account account, Exchange exchange, Sealing sealing, @Nullable String rejected) {
        // two rounds: if another instance inserted the first row between our read and our insert, lock theirs
        for (int round = 0; ; round++) {
            try (Connection connection = plain.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    String token = refreshLocked(connection, account, exchange, sealing, rejected);
                    connection.commit();
                    return token;
                } catch (SQLException e) {
                    connection.rollback();
                    if (round == 0 && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        continue;
                    }
                    throw e;
                } catch (RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(account.store().platform + " tokens of channel " + account.channelId()
                        + ": the database failed: " + e.getMessage(), e);
            }
        }
    }

    private String refreshLocked(Connection connection, Account account, Exchange exchange, Sealing sealing,
                                 @Nullable String rejected) throws SQLException {
        waitForLocksUpTo(connection, account.lockWait());
        Row row = read(connection, account.store(), account.channelId(), true);
        String fromEnvironment = secrets.get(account.refreshTokenEnv()).orElse(null);
        String environmentHash = fromEnvironment == null ? null : sha256(fromEnvironment);
        boolean newSeed = fromEnvironment != null && (row == null || !row.seedHash().equals(environmentHash));
        if (row == null && fromEnvironment == null) {
            throw account.needsAttention().apply(account.noRefreshTokenYet());
        }
        if (row != null && !newSeed && freshEnough(row, account)) {
            String current = open(sealing, row.accessSealed(), account, "access");
            if (!current.equals(rejected)) {
                // another call refreshed while this one waited for the lock
                return current;
            }
        }
        String spending = newSeed ? fromEnvironment : open(sealing, row.refreshSealed(), account, "refresh");
        if (row == null) {
            // the first row holds the seed, so that the lock exists for everyone before the platform is called
            insert(connection, account, sealing.seal(spending, context(account, "refresh")), environmentHash);
        }
        Grant grant = exchange.spend(spending);
        store(connection, account, sealing.seal(grant.refreshToken(), context(account, "refresh")),
                sealing.seal(grant.accessToken(), context(account, "access")), grant.expiresAt(),
                newSeed ? environmentHash : row.seedHash());
        LOG.info("{} channel {}: access token refreshed, valid until {}", account.store().platform, account.channelId(),
                grant.expiresAt());
        return grant.accessToken();
    }

    private boolean freshEnough(Row row, Account account) {
        return row.accessSealed() != null && row.expiresAt() != null
                && row.expiresAt().isAfter(clock.instant().plus(account.refreshAhead()));
    }

    /** The key from its variable; a missing or malformed key is a person's job, said in Vietnamese. */
    private Sealing sealing(Account account) {
        String variable = account.tokenKeyEnv();
        String platform = account.store().platform;
        String encoded = secrets.get(variable).orElseThrow(() -> account.needsAttention().apply("Thiếu biến môi trường "
                + variable + " (khóa mã hóa mã truy cập " + platform + "): tạo bằng lệnh openssl rand -base64 32, đặt vào "
                + "biến này rồi tiếp tục kênh."));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != Sealing.KEY_BYTES) {
            throw account.needsAttention().apply("Biến môi trường " + variable + " phải chứa đúng 32 byte viết dạng base64 "
                    + "(tạo bằng lệnh openssl rand -base64 32).");
        }
        return new Sealing(key);
    }

    private static String open(Sealing sealing, String stored, Account account, String column) {
        return sealing.open(stored, context(account, column)).orElseThrow(() -> account.needsAttention().apply(
                "Không giải mã được mã " + account.store().platform + " lưu trong cơ sở dữ liệu: khóa trong biến "
                        + account.tokenKeyEnv() + " đã bị đổi? Đặt lại khóa cũ, hoặc cấp quyền lại và đặt mã làm mới "
                        + "(refresh token) mới vào biến môi trường " + account.refreshTokenEnv() + " rồi tiếp tục kênh."));
    }

    private static String context(Account account, String column) {
        return context(account.store(), account.channelId(), column);
    }

    private static void waitForLocksUpTo(Connection connection, Duration wait) throws SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement statement = connection.createStatement()) {
            statement.execute(h2 ? "set lock_timeout " + wait.toMillis() : "set local lock_timeout = '" + wait.toMillis() + "ms'");
        }
    }

    @Nullable
    private static Row read(Connection connection, Store store, String channelId, boolean lock) throws SQLException {
        // the table name comes from the Store enum, never from input
        try (PreparedStatement select = connection.prepareStatement("select refresh_token_enc, access_token_enc, "
                + "access_expires_at, seed_hash from " + store.table + " where channel_id = ?"
                + (lock ? " for update" : ""))) {
            select.setString(1, channelId);
            try (ResultSet rows = select.executeQuery()) {
                if (!rows.next()) {
                    return null;
                }
                OffsetDateTime expires = rows.getObject(3, OffsetDateTime.class);
                return new Row(rows.getString(1), rows.getString(2), expires == null ? null : expires.toInstant(), rows.getString(4));
            }
        }
    }

    private void insert(Connection connection, Account account, String refreshSealed, String seedHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + account.store().table
                + " (channel_id, refresh_token_enc, seed_hash, updated_at) values (?, ?, ?, ?)")) {
            insert.setString(1, account.channelId());
            insert.setString(2, refreshSealed);
            insert.setString(3, seedHash);
            insert.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private void store(Connection connection, Account account, String refreshSealed, String accessSealed, Instant expiresAt,
                       String seedHash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update " + account.store().table
                + " set refresh_token_enc = ?, access_token_enc = ?, access_expires_at = ?, seed_hash = ?, refreshed_at = ?, "
                + "updated_at = ? where channel_id = ?")) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            update.setString(1, refreshSealed);
            update.setString(2, accessSealed);
            update.setObject(3, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            update.setString(4, seedHash);
            update.setObject(5, now);
            update.setObject(6, now);
            update.setString(7, account.channelId());
            update.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Store store, Work<T> work) {
        try (Connection connection = plain.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(store.platform + " tokens: the database failed: " + e.getMessage(), e);
        }
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
