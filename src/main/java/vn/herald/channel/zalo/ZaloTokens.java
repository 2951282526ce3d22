package vn.herald.channel.zalo;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.Channel;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.Secrets;

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
import java.util.HexFormat;
import java.util.Map;

/**
 * Access tokens of Zalo OA channels. The refresh token is single-use, so a refresh happens under a row lock
 * ({@code select ... for update}): the instance holding the lock calls Zalo and commits the new pair before anyone
 * uses the new access token; an instance that waited for the lock finds the fresh pair and spends nothing.
 * Tokens never leave this class except as the header value of a call.
 */
@Singleton
class ZaloTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ZaloTokens.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource plain;
    private final Secrets secrets;
    private final PlatformHttp http;
    private final JsonMapper json;
    private final Clock clock;

    ZaloTokens(DataSource dataSource, Secrets secrets, PlatformHttp http, JsonMapper json, Clock clock) {
        // its own connections, outside any caller's transaction: the new refresh token must be committed at once
        this.plain = DelegatingDataSource.unwrapDataSource(dataSource);
        this.secrets = secrets;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    private record Row(String refreshSealed, @Nullable String accessSealed, @Nullable Instant expiresAt, String seedHash) {}

    private record Grant(String accessToken, String refreshToken, Instant expiresAt) {}

    /** An access token that stays valid for at least the channel's {@code refreshAheadMinutes}. */
    String accessToken(Channel channel, ZaloSettings settings) {
        TokenCipher cipher = TokenCipher.fromVariable(settings.tokenKeyEnv(), secrets);
        Row row = withConnection(connection -> read(connection, channel.id(), false));
        if (row != null && freshEnough(row, settings)) {
            return cipher.open(row.accessSealed(), context(channel, "access"), settings.tokenKeyEnv());
        }
        return refresh(channel, settings, cipher, null);
    }

    /** When the stored access token expires; empty before the first refresh. Reads only: never calls Zalo. */
    java.util.Optional<Instant> accessExpiresAt(Channel channel) {
        Row row = withConnection(connection -> read(connection, channel.id(), false));
        return java.util.Optional.ofNullable(row == null ? null : row.expiresAt());
    }

    /** Zalo refused {@code rejected} (-216/-220): a new one, unless another call has already replaced it. */
    String afterRejection(Channel channel, ZaloSettings settings, String rejected) {
        return refresh(channel, settings, TokenCipher.fromVariable(settings.tokenKeyEnv(), secrets), rejected);
    }

    private String refresh(Channel channel, ZaloSettings settings, TokenCipher cipher, @Nullable String rejected) {
        // two rounds: if another instance inserted the first row between our read and our insert, lock theirs
        for (int round = 0; ; round++) {
            try (Connection connection = plain.getConnection()) {
                connection.setAutoCommit(false);
                try {
                    String token = refreshLocked(connection, channel, settings, cipher, rejected);
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
                throw new IllegalStateException("Zalo tokens of channel " + channel.id() + ": the database failed: "
                        + e.getMessage(), e);
            }
        }
    }

    private String refreshLocked(Connection connection, Channel channel, ZaloSettings settings, TokenCipher cipher,
                                 @Nullable String rejected) throws SQLException {
        waitForLocksUpTo(connection, settings.timeout().multipliedBy(3).plusSeconds(5));
        Row row = read(connection, channel.id(), true);
        String fromEnvironment = secrets.get(settings.refreshTokenEnv()).orElse(null);
        String environmentHash = fromEnvironment == null ? null : sha256(fromEnvironment);
        boolean newSeed = fromEnvironment != null && (row == null || !row.seedHash().equals(environmentHash));
        if (row == null && fromEnvironment == null) {
            throw ZaloFailure.needsAttention("Chưa có mã làm mới (refresh token) của Zalo OA cho kênh " + channel.id()
                    + ": cấp quyền cho ứng dụng trên developers.zalo.me, đặt mã làm mới vào biến môi trường "
                    + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
        }
        if (row != null && !newSeed && freshEnough(row, settings)) {
            String current = cipher.open(row.accessSealed(), context(channel, "access"), settings.tokenKeyEnv());
            if (!current.equals(rejected)) {
                // another call refreshed while this one waited for the lock
                return current;
            }
        }
        String spending = newSeed ? fromEnvironment
                : cipher.open(row.refreshSealed(), context(channel, "refresh"), settings.tokenKeyEnv());
        if (row == null) {
            // the first row holds the seed, so that the lock exists for everyone before Zalo is called
            insert(connection, channel.id(), cipher.seal(spending, context(channel, "refresh")), environmentHash);
        }
        Grant grant = callOauth(channel, settings, spending);
        store(connection, channel.id(), cipher.seal(grant.refreshToken(), context(channel, "refresh")),
                cipher.seal(grant.accessToken(), context(channel, "access")), grant.expiresAt(),
                newSeed ? environmentHash : row.seedHash());
        LOG.info("Zalo OA channel {}: access token refreshed, valid until {}", channel.id(), grant.expiresAt());
        return grant.accessToken();
    }

    private boolean freshEnough(Row row, ZaloSettings settings) {
        return row.accessSealed() != null && row.expiresAt() != null
                && row.expiresAt().isAfter(clock.instant().plus(settings.refreshAhead()));
    }

    private Grant callOauth(Channel channel, ZaloSettings settings, String refreshToken) {
        String appId = secrets.get(settings.appIdEnv()).orElseThrow(() -> missing(settings.appIdEnv(), "mã ứng dụng (app id)"));
        String appSecret = secrets.get(settings.appSecretEnv()).orElseThrow(() -> missing(settings.appSecretEnv(),
                "khóa bí mật của ứng dụng (app secret)"));
        Request request = new Request.Builder().url(settings.oauthUrl() + "/v4/oa/access_token")
                .header("secret_key", appSecret)
                .post(new FormBody.Builder().add("refresh_token", refreshToken).add("app_id", appId)
                        .add("grant_type", "refresh_token").build())
                .build();
        String text;
        int status;
        try (Response response = http.client(settings.timeouts()).newCall(request).execute()) {
            status = response.code();
            text = response.body() == null ? "" : response.body().string();
        } catch (IOException e) {
            // the answer was lost; if Zalo did rotate the token, the next refresh will say so and pause the channel
            throw ZaloFailure.retryLater("Không gọi được máy chủ cấp quyền của Zalo (" + e.getClass().getSimpleName()
                    + "): sẽ thử lại.");
        }
        if (status >= 500) {
            throw ZaloFailure.retryLater("Máy chủ cấp quyền của Zalo trả lỗi HTTP " + status + ": sẽ thử lại.");
        }
        Map<?, ?> answer;
        try {
            answer = json.readValue(text, Map.class);
        } catch (IOException | RuntimeException e) {
            answer = null;
        }
        if (answer == null) {
            throw ZaloFailure.retryLater("Máy chủ cấp quyền của Zalo trả lời không phải JSON (HTTP " + status + "): sẽ thử lại.");
        }
        Object access = answer.get("access_token");
        Object refresh = answer.get("refresh_token");
        if (access instanceof String a && !a.isBlank() && refresh instanceof String r && !r.isBlank()) {
            return new Grant(a, r, clock.instant().plus(expiresIn(answer.get("expires_in"))));
        }
        String detail = answer.get("error") != null ? "lỗi " + answer.get("error") : "HTTP " + status;
        Object name = answer.get("error_name") != null ? answer.get("error_name") : answer.get("message");
        throw ZaloFailure.needsAttention("Zalo từ chối làm mới mã truy cập của kênh " + channel.id() + " (" + detail
                + (name != null ? ": " + name : "") + "). Cần cấp quyền lại cho ứng dụng trên developers.zalo.me, đặt mã "
                + "làm mới (refresh token) mới vào biến môi trường " + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
    }

    /** {@code expires_in} comes as a string of seconds ("90000"); a missing or odd value counts as one hour. */
    private static Duration expiresIn(@Nullable Object value) {
        try {
            long seconds = value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value).strip());
            return Duration.ofSeconds(seconds > 0 ? seconds : 3600);
        } catch (NumberFormatException e) {
            return Duration.ofHours(1);
        }
    }

    private static ZaloFailure missing(String variable, String what) {
        return ZaloFailure.needsAttention("Thiếu biến môi trường " + variable + " (" + what + " của Zalo OA): đặt biến này "
                + "rồi tiếp tục kênh.");
    }

    private static String context(Channel channel, String column) {
        return "zalo_token:" + channel.id() + ":" + column;
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
                + "access_expires_at, seed_hash from zalo_token where channel_id = ?" + (lock ? " for update" : ""))) {
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
        try (PreparedStatement insert = connection.prepareStatement("insert into zalo_token (channel_id, refresh_token_enc, "
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
        try (PreparedStatement update = connection.prepareStatement("update zalo_token set refresh_token_enc = ?, "
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
            throw new IllegalStateException("Zalo tokens: the database failed: " + e.getMessage(), e);
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
