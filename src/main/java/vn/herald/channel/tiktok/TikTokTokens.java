package vn.herald.channel.tiktok;

import jakarta.inject.Singleton;
import okhttp3.FormBody;
import okhttp3.Request;
import vn.herald.channel.Channel;
import vn.herald.channel.platform.PlatformAnswer;
import vn.herald.channel.platform.PlatformHttp;
import vn.herald.channel.platform.RotatingTokens;
import vn.herald.channel.platform.Secrets;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * Access tokens of TikTok channels. TikTok rotates the refresh token on every refresh, so they are kept as Zalo's are,
 * by {@link RotatingTokens} (table {@code tiktok_token}); this class is TikTok's own refresh call and its words.
 */
@Singleton
class TikTokTokens {

    static final String OAUTH_PATH = "/v2/oauth/token/";

    private final RotatingTokens tokens;
    private final Secrets secrets;
    private final PlatformHttp http;
    private final Clock clock;

    TikTokTokens(RotatingTokens tokens, Secrets secrets, PlatformHttp http, Clock clock) {
        this.tokens = tokens;
        this.secrets = secrets;
        this.http = http;
        this.clock = clock;
    }

    /** An access token that stays valid for at least the channel's {@code refreshAheadMinutes}. */
    String accessToken(Channel channel, TikTokSettings settings) {
        return tokens.accessToken(account(channel, settings), refreshToken -> callOauth(channel, settings, refreshToken));
    }

    /** TikTok refused {@code rejected} (access_token_invalid): a new one, unless another call has already replaced it. */
    String afterRejection(Channel channel, TikTokSettings settings, String rejected) {
        return tokens.afterRejection(account(channel, settings), refreshToken -> callOauth(channel, settings, refreshToken),
                rejected);
    }

    private static RotatingTokens.Account account(Channel channel, TikTokSettings settings) {
        return new RotatingTokens.Account(RotatingTokens.Store.TIKTOK, channel.id(), settings.refreshTokenEnv(),
                settings.tokenKeyEnv(), settings.refreshAhead(), settings.timeout().multipliedBy(3).plusSeconds(5),
                "Chưa có mã làm mới (refresh token) của TikTok cho kênh " + channel.id() + ": chủ tài khoản cấp quyền "
                        + "video.publish cho ứng dụng, rồi đặt mã làm mới vào biến môi trường " + settings.refreshTokenEnv()
                        + " và tiếp tục kênh.", TikTokFailure::needsAttention);
    }

    private RotatingTokens.Grant callOauth(Channel channel, TikTokSettings settings, String refreshToken) {
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
            return new RotatingTokens.Grant(a, r, clock.instant().plus(RotatingTokens.expiresIn(body.get("expires_in"))));
        }
        Object error = body.get("error") != null ? body.get("error") : "HTTP " + answer.status();
        throw TikTokFailure.needsAttention("TikTok từ chối làm mới mã truy cập của kênh " + channel.id() + " (" + error
                + "). Chủ tài khoản cần cấp quyền lại cho ứng dụng, đặt mã làm mới (refresh token) mới vào biến môi trường "
                + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
    }

    private static TikTokFailure missing(String variable, String what) {
        return TikTokFailure.needsAttention("Thiếu biến môi trường " + variable + " (" + what + " của ứng dụng TikTok): "
                + "đặt biến này rồi tiếp tục kênh.");
    }
}
