package vn.herald.channel.youtube;

import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.Request;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.Secrets;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of the YouTube channels, from each channel's refresh token at Google's OAuth token endpoint. A token
 * is kept in memory until shortly before it expires (an hour, says Google); nothing is stored, since a Google refresh
 * token stays valid until it is revoked and the environment already holds it.
 */
@Singleton
class GoogleTokens {

    /** Refreshed this long before Google's expiry, so a long upload does not run into it. */
    private static final Duration AHEAD = Duration.ofMinutes(5);

    /** The channel's credentials no longer work: a person must act. The message is Vietnamese, without secrets. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    private record Held(String token, Instant expiresAt) {}

    private final PlatformHttp http;
    private final Secrets secrets;
    private final Clock clock;
    private final Map<String, Held> held = new ConcurrentHashMap<>();

    GoogleTokens(PlatformHttp http, Secrets secrets, Clock clock) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Whether the environment holds all three secrets; empty when it does, else the reason for people. */
    Optional<String> missing(YouTubeSettings settings) {
        for (String variable : new String[]{settings.clientIdEnv(), settings.clientSecretEnv(), settings.refreshTokenEnv()}) {
            if (secrets.get(variable).isEmpty()) {
                return Optional.of("Kênh YouTube " + settings.channelId() + " chưa có thông tin đăng nhập: hãy đặt biến môi "
                        + "trường " + variable + " (xem docs/channels/youtube.md) rồi cho kênh chạy lại.");
            }
        }
        return Optional.empty();
    }

    /** A valid access token, refreshed when none is held or it is about to expire. */
    String access(YouTubeSettings settings) throws IOException, Refused {
        Held current = held.get(settings.channelId());
        if (current != null && clock.instant().plus(AHEAD).isBefore(current.expiresAt())) {
            return current.token();
        }
        return refresh(settings);
    }

    /** Drops the held token after YouTube refused it (401) and gets a new one. */
    String renew(YouTubeSettings settings) throws IOException, Refused {
        held.remove(settings.channelId());
        return refresh(settings);
    }

    private String refresh(YouTubeSettings settings) throws IOException, Refused {
        Optional<String> missing = missing(settings);
        if (missing.isPresent()) {
            throw new Refused(missing.get());
        }
        Request request = new Request.Builder().url(settings.oauthUrl()).post(new FormBody.Builder()
                .add("client_id", secrets.get(settings.clientIdEnv()).orElseThrow())
                .add("client_secret", secrets.get(settings.clientSecretEnv()).orElseThrow())
                .add("refresh_token", secrets.get(settings.refreshTokenEnv()).orElseThrow())
                .add("grant_type", "refresh_token").build()).build();
        PlatformAnswer answer = http.exchange(settings.timeouts(), request);
        Map<?, ?> body = answer.object().orElse(Map.of());
        if (answer.successful() && body.get("access_token") instanceof String token && !token.isBlank()) {
            long seconds = body.get("expires_in") instanceof Number n ? n.longValue() : 3600;
            held.put(settings.channelId(), new Held(token, clock.instant().plusSeconds(seconds)));
            return token;
        }
        Object error = body.get("error");
        if ("invalid_grant".equals(error) || "invalid_client".equals(error) || "unauthorized_client".equals(error)) {
            throw new Refused("Google không nhận quyền đăng của kênh YouTube " + settings.channelId() + " (" + error
                    + "): quyền đã bị thu hồi, hết hạn hoặc mật khẩu ứng dụng đã đổi. Hãy cấp quyền lại, đặt mã làm mới mới "
                    + "vào biến môi trường " + settings.refreshTokenEnv() + " rồi cho kênh chạy lại.");
        }
        throw new IOException("the token endpoint answered " + answer.status() + ": " + answer.bodyExcerpt());
    }
}
