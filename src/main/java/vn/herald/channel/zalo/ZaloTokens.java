package vn.herald.channel.zalo;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import vn.herald.channel.Channel;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.RotatingTokens;
import vn.herald.channel.platform.Secrets;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Access tokens of Zalo OA channels. A Zalo refresh token works once, so they are kept by {@link RotatingTokens}
 * (table {@code zalo_token}); this class is Zalo's own refresh call and its words.
 */
@Singleton
class ZaloTokens {

    private final RotatingTokens tokens;
    private final Secrets secrets;
    private final PlatformHttp http;
    private final JsonMapper json;
    private final Clock clock;

    ZaloTokens(RotatingTokens tokens, Secrets secrets, PlatformHttp http, JsonMapper json, Clock clock) {
        this.tokens = tokens;
        this.secrets = secrets;
        this.http = http;
        this.json = json;
        this.clock = clock;
    }

    /** An access token that stays valid for at least the channel's {@code refreshAheadMinutes}. */
    String accessToken(Channel channel, ZaloSettings settings) {
        return tokens.accessToken(account(channel, settings), refreshToken -> callOauth(channel, settings, refreshToken));
    }

    /** Zalo refused {@code rejected} (-216/-220): a new one, unless another call has already replaced it. */
    String afterRejection(Channel channel, ZaloSettings settings, String rejected) {
        return tokens.afterRejection(account(channel, settings), refreshToken -> callOauth(channel, settings, refreshToken),
                rejected);
    }

    /** When the stored access token expires; empty before the first refresh. Reads only: never calls Zalo. */
    Optional<Instant> accessExpiresAt(Channel channel) {
        return tokens.accessExpiresAt(RotatingTokens.Store.ZALO, channel.id());
    }

    private static RotatingTokens.Account account(Channel channel, ZaloSettings settings) {
        return new RotatingTokens.Account(RotatingTokens.Store.ZALO, channel.id(), settings.refreshTokenEnv(),
                settings.tokenKeyEnv(), settings.refreshAhead(), settings.timeout().multipliedBy(3).plusSeconds(5),
                "Chưa có mã làm mới (refresh token) của Zalo OA cho kênh " + channel.id() + ": cấp quyền cho ứng dụng trên "
                        + "developers.zalo.me, đặt mã làm mới vào biến môi trường " + settings.refreshTokenEnv()
                        + " rồi tiếp tục kênh.", ZaloFailure::needsAttention);
    }

    private RotatingTokens.Grant callOauth(Channel channel, ZaloSettings settings, String refreshToken) {
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
            return new RotatingTokens.Grant(a, r, clock.instant().plus(RotatingTokens.expiresIn(answer.get("expires_in"))));
        }
        String detail = answer.get("error") != null ? "lỗi " + answer.get("error") : "HTTP " + status;
        Object name = answer.get("error_name") != null ? answer.get("error_name") : answer.get("message");
        throw ZaloFailure.needsAttention("Zalo từ chối làm mới mã truy cập của kênh " + channel.id() + " (" + detail
                + (name != null ? ": " + name : "") + "). Cần cấp quyền lại cho ứng dụng trên developers.zalo.me, đặt mã "
                + "làm mới (refresh token) mới vào biến môi trường " + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
    }

    private static ZaloFailure missing(String variable, String what) {
        return ZaloFailure.needsAttention("Thiếu biến môi trường " + variable + " (" + what + " của Zalo OA): đặt biến này "
                + "rồi tiếp tục kênh.");
    }
}
