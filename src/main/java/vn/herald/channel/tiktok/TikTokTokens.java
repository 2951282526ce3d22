package vn.herald.channel.tiktok;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.Channel;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.Secrets;
import vn.herald.support.Sealing;

import javax.sql.DataSource;
import java.io.IOException;
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
import java.util.Map;

/**
 * Access tokens of TikTok channels, kept as Zalo's are ({@code ZaloTokens}): TikTok rotates the refresh token on every
 * refresh, so a refresh happens under a row lock ({@code select ... for update}); the instance holding the lock calls
 * TikTok and commits the new pair before anyone uses the new access token, and an instance that waited for the lock
 * finds the fresh pair and spends nothing. Both tokens are sealed with {@link Sealing}. Tokens never leave this class
 * except as the value of an Authorization header.
 */
@Singleton
class TikTokTokens {

    private static final Logger LOG = LoggerFactory.getLogger(TikTokTokens.class);
    private static final String UNIQUE_VIOLATION = "23505";
    static final String OAUTH_PATH = "/v2/oauth/token/";

    private final DataSource plain;
    private final Secrets secrets;
    private final PlatformHttp http;
    private final Clock clock;

    TikTokTokens(DataSource dataSource, Secrets secrets, PlatformHttp http, Clock clock) {
        // its own connections, outside any caller's transaction: the new refresh token must be committed at once
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
    }

    private record Row(String refreshSealed, @Nullable String accessSealed, @Nullable Instant expiresAt, String seedHash) {}

    private record Grant(String accessToken, String refreshToken, Instant expiresAt) {}

    /** An access token that stays valid for at least the channel's {@code refreshAheadMinutes}. */
    String accessToken(Channel channel, TikTokSettings settings) {
        Sealing sealing = sealing(settings);
        Row row = withConnection(connection -> read(connection, channel.id(), false));
        if (row != null && freshEnough(row, settings)) {
            return open(sealing, row.accessSealed(), channel, "access", settings);
        }
        return refresh(channel, settings, sealing, null);
    }

    /** TikTok refused {@code rejected} (access_token_invalid): a new one, unless another call has already replaced it. */
    String afterRejection(Channel channel, TikTokSettings settings, String rejected) {
        return refresh(channel, settings, sealing(settings), rejected);
    }

    private String refresh(Channel channel, TikTokSettings settings, Sealing sealing, @Nullable String rejected) {
        // two rounds: if another instance inserted the first row between our read and our insert, lock theirs
        for (int round = 0; ; round++) {
            try (Connection connection = plain.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    String token = refreshLocked(connection, channel, settings, sealing, rejected);
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
                throw new IllegalStateException("TikTok tokens of channel " + channel.id() + ": the database failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private String refreshLocked(Connection connection, Channel channel, TikTokSettings settings, Sealing sealing,
                                 @Nullable String rejected) throws SQLException {
        waitForLocksUpTo(connection, settings.timeout().multipliedBy(3).plusSeconds(5));
        Row row = read(connection, channel.id(), true);
        String fromEnvironment = secrets.get(settings.refreshTokenEnv()).orElse(null);
        String environmentHash = fromEnvironment == null ? null : sha256(fromEnvironment);
        boolean newSeed = fromEnvironment != null && (row == null || !row.seedHash().equals(environmentHash));
        if (row == null && fromEnvironment == null) {
            throw TikTokFailure.needsAttention("Chưa có mã làm mới (refresh token) của TikTok cho kênh " + channel.id()
                    + ": chủ tài khoản cấp quyền video.publish cho ứng dụng, rồi đặt mã làm mới vào biến môi trường "
                    + settings.refreshTokenEnv() + " và tiếp tục kênh.");
        }
        if (row != null && !newSeed && freshEnough(row, settings)) {
            String current = open(sealing, row.accessSealed(), channel, "access", settings);
            if (!current.equals(rejected)) {
                // another call refreshed while this one waited for the lock
                return current;
            }
        }
        String spending = newSeed ? fromEnvironment : open(sealing, row.refreshSealed(), channel, "refresh", settings);
        if (row == null) {
            // the first row holds the seed, so that the lock exists for everyone before TikTok is called
            insert(connection, channel.id(), sealing.seal(spending, context(channel, "refresh")), environmentHash);
        }
        Grant grant = callOauth(channel, settings, spending);
        store(connection, channel.id(), sealing.seal(grant.refreshToken(), context(channel, "refresh")),
                sealing.seal(grant.accessToken(), context(channel, "access")), grant.expiresAt(),
                newSeed ? environmentHash : row.seedHash());
        LOG.info("TikTok channel {}: access token refreshed, valid until {}", channel.id(), grant.expiresAt());
        return grant.accessToken();
    }

    private boolean freshEnough(Row row, TikTokSettings settings) {
        return row.accessSealed() != null && row.expiresAt() != null
                && row.expiresAt().isAfter(clock.instant().plus(settings.refreshAhead()));
    }

    private Grant callOauth(Channel channel, TikTokSettings settings, String refreshToken) {
        String clientKey = secrets.get(settings.clientKeyEnv()).orElseThrow(() -> missing(settings.clientKeyEnv(), "client key"));
        String clientSecret = secrets.get(settings.clientSecretEnv()).orElseThrow(() -> missing(settings.clientSecretEnv(),
                "client secret"));
        Request request = new Request.Builder().url(settings.baseUrl() + OAUTH_PATH)
                .header("Cache-Control", "no-cache")
                .post(new FormBody.Builder().add("client_key", clientKey).add("client_secret", clientSecret)
                        .add("grant_type", "refresh_token").add("refresh_token", refreshToken).build())
                .build();
        PlatformAnswer answer;
        try {
            answer = http.exchange(settings.timeouts(), request);
        } catch (IOException e) {
            // the answer was lost; if TikTok did rotate the token, the next refresh is refused and pauses the channel
            throw TikTokFailure.retryLater("Không gọi được máy chủ cấp quyền của TikTok (" + e.getClass().getSimpleName()
                    + "): sẽ thử lại.");
        }
        if (answer.status() >= 500) {
            throw TikTokFailure.retryLater("Máy chủ cấp quyền của TikTok trả lỗi HTTP " + answer.status() + ": sẽ thử lại.");
        }
        Map<?, ?> body = answer.object().orElse(null);
        if (body == null) {
            throw TikTokFailure.retryLater("Máy chủ cấp quyền của TikTok trả lời không phải JSON (HTTP " + answer.status()
                    + "): sẽ thử lại.");
        }
        Object access = body.get("access_token");
        Object refresh = body.get("refresh_token");
        if (access instanceof String a && !a.isBlank() && refresh instanceof String r && !r.isBlank()) {
            if (body.get("scope") instanceof String scope && !scope.contains("video.publish")) {
                throw TikTokFailure.needsAttention("Tài khoản TikTok của kênh " + channel.id() + " chưa cấp quyền "
                        + "video.publish cho ứng dụng (quyền đã cấp: " + scope + "): chủ tài khoản cấp lại quyền, đặt mã "
                        + "làm mới mới vào biến môi trường " + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
            }
            return new Grant(a, r, clock.instant().plus(expiresIn(body.get("expires_in"))));
        }
        Object error = body.get("error") != null ? body.get("error") : "HTTP " + answer.status();
        throw TikTokFailure.needsAttention("TikTok từ chối làm mới mã truy cập của kênh " + channel.id() + " (" + error
                + "). Chủ tài khoản cần cấp quyền lại cho ứng dụng, đặt mã làm mới (refresh token) mới vào biến môi trường "
                + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
    }

    /** {@code expires_in} in seconds (86400 for TikTok's user tokens); a missing or odd value counts as one hour. */
    private static Duration expiresIn(@Nullable Object value) {
        try {
            long seconds = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
            return Duration.ofSeconds(seconds > 0 ? seconds : 3600);
        } catch (NumberFormatException e) {
            return Duration.ofHours(1);
        }
    }

    private Sealing sealing(TikTokSettings settings) {
        String variable = settings.tokenKeyEnv();
        String encoded = secrets.get(variable).orElseThrow(() -> TikTokFailure.needsAttention("Thiếu biến môi trường "
                + variable + " (khóa mã hóa mã truy cập TikTok): tạo bằng lệnh openssl rand -base64 32, đặt vào biến này "
                + "rồi tiếp tục kênh."));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != Sealing.KEY_BYTES) {
            throw TikTokFailure.needsAttention("Biến môi trường " + variable + " phải chứa đúng 32 byte viết dạng base64 "
                    + "(tạo bằng lệnh openssl rand -base64 32).");
        }
        return new Sealing(key);
    }

    private static String open(Sealing sealing, String stored, Channel channel, String column, TikTokSettings settings) {
        return sealing.open(stored, context(channel, column)).orElseThrow(() -> TikTokFailure.needsAttention(
                "Không giải mã được mã TikTok lưu trong cơ sở dữ liệu: khóa trong biến " + settings.tokenKeyEnv()
                + " đã bị đổi? Đặt lại khóa cũ, hoặc cấp quyền lại cho ứng dụng và đặt mã làm mới (refresh token) mới vào "
                + "biến môi trường " + settings.refreshTokenEnv() + " rồi tiếp tục kênh."));
    }

    private static TikTokFailure missing(String variable, String what) {
        return TikTokFailure.needsAttention("Thiếu biến môi trường " + variable + " (" + what + " của ứng dụng TikTok): "
                + "đặt biến này rồi tiếp tục kênh.");
    }

    static String context(Channel channel, String column) {
        return "tiktok_token:" + channel.id() + ":" + column;
    }

    private void waitForLocksUpTo(Connection connection, Duration wait) throws SQLException {
        boolean h2 = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        try (Statement statement = connection.createStatement()) {
            statement.execute(h2 ? "set lock_timeout " + wait.toMillis() : "set local lock_timeout = '" + wait.toMillis() + "ms'");
        }
    }

    @Nullable
    private Row read(Connection connection, String channelId, boolean lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select refresh_token_enc, access_token_enc, "
                + "access_expires_at, seed_hash from tiktok_token where channel_id = ?" + (lock ? " for update" : ""))) {
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

    private void insert(Connection connection, String channelId, String refreshSealed, String seedHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into tiktok_token (channel_id, refresh_token_enc, "
                + "seed_hash, updated_at) values (?, ?, ?, ?)")) {
            insert.setString(1, channelId);
            insert.setString(2, refreshSealed);
            insert.setString(3, seedHash);
            insert.setObject(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    private void store(Connection connection, String channelId, String refreshSealed, String accessSealed, Instant expiresAt,
                       String seedHash) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("update tiktok_token set refresh_token_enc = ?, "
                + "access_token_enc = ?, access_expires_at = ?, seed_hash = ?, refreshed_at = ?, updated_at = ? "
                + "where channel_id = ?")) {
            OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            update.setString(1, refreshSealed);
            update.setString(2, accessSealed);
            update.setObject(3, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC));
            update.setString(4, seedHash);
            update.setObject(5, now);
            update.setObject(6, now);
            update.setString(7, channelId);
            update.executeUpdate();
        }
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work) {
        try (Connection connection = plain.getConnection()) {
            connection.setAutoCommit(true);
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("TikTok tokens: the database failed: " + e.getMessage(), e);
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
