package vn.herald.channel.youtube;

import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * YouTube's error answers in the domain's words. Google's errors read
 * {@code {"error":{"code":403,"message":"...","errors":[{"reason":"quotaExceeded","domain":"youtube.quota"}]}}}; the
 * reason, not the status, says what happened.
 */
final class YouTubeErrors {

    /** Google's quota day: it resets at midnight Pacific time. */
    static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");

    /** Reasons that are the account's, not the video's: a person must fix the credentials or the channel. */
    private static final Set<String> ACCOUNT_REASONS = Set.of("forbidden", "insufficientPermissions", "authError",
            "unauthorized", "youtubeSignupRequired", "channelNotFound", "accountDelegationForbidden",
            "authenticatedUserAccountClosed", "authenticatedUserAccountSuspended", "authenticatedUserNotChannel",
            "forbiddenPrivacySetting");
    private static final Set<String> RATE_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded", "backendError");

    private YouTubeErrors() {
    }

    /** The first error reason of the answer, when it has one. */
    static Optional<String> reason(PlatformAnswer answer) {
        Map<?, ?> body = answer.object().orElse(Map.of());
        if (body.get("error") instanceof Map<?, ?> error && error.get("errors") instanceof List<?> errors && !errors.isEmpty()
                && errors.get(0) instanceof Map<?, ?> first && first.get("reason") != null) {
            return Optional.of(first.get("reason").toString());
        }
        return Optional.empty();
    }

    /** How long until the quota day resets. */
    static Duration untilQuotaReset(Clock clock) {
        Instant now = clock.instant();
        Instant midnight = LocalDate.ofInstant(now, QUOTA_ZONE).plusDays(1).atStartOfDay(QUOTA_ZONE).toInstant();
        return Duration.between(now, midnight);
    }

    /** A failed answer of YouTube, classified; {@code what} names the call for people (“tải video lên”). */
    static SendResult failure(YouTubeSettings settings, PlatformAnswer answer, String what, Clock clock) {
        String reason = reason(answer).orElse("");
        String channel = "Kênh YouTube " + settings.channelId();
        String said = " (YouTube trả lời " + answer.status() + (reason.isEmpty() ? "" : " " + reason) + ")";
        if ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason)) {
            return new SendResult.RetryLater(Optional.of(untilQuotaReset(clock)), channel + " đã dùng hết hạn mức API trong ngày"
                    + " của Google: Herald chờ tới khi hạn mức được cấp lại (nửa đêm giờ Thái Bình Dương, tức 14 hoặc 15 giờ "
                    + "chiều giờ Việt Nam) rồi " + what + " tiếp.");
        }
        if ("uploadLimitExceeded".equals(reason)) {
            return new SendResult.NeedsAttention(channel + " đã tải lên đủ số video YouTube cho phép trong 24 giờ: kênh tạm "
                    + "dừng. Sau một ngày, hãy cho kênh chạy lại để đăng tiếp." + said);
        }
        if (RATE_REASONS.contains(reason) || answer.status() == 429 || answer.status() >= 500) {
            return new SendResult.RetryLater(answer.retryAfter(clock.instant()), "YouTube đang bận hoặc gặp sự cố khi " + what
                    + said + ": Herald sẽ thử lại sau.");
        }
        if (answer.status() == 401 || ACCOUNT_REASONS.contains(reason)) {
            return new SendResult.NeedsAttention(channel + " không còn quyền đăng video" + said + ": hãy kiểm tra tài khoản "
                    + "Google đã cấp quyền (youtube.upload, youtube.force-ssl) và kênh YouTube của nó, rồi cho kênh chạy lại.");
        }
        if (answer.status() == 403) {
            return new SendResult.NeedsAttention(channel + " bị YouTube từ chối" + said + ": hãy kiểm tra kênh trên YouTube "
                    + "Studio rồi cho kênh chạy lại.");
        }
        return new SendResult.Permanent("YouTube không nhận thông tin của video khi " + what + said
                + ": hãy sửa tiêu đề, mô tả hoặc thẻ của tin rồi lên lịch lại.");
    }
}
