package vn.herald.channel.tiktok;

import io.micronaut.core.annotation.Nullable;
import vn.herald.channel.SendResult;

import java.time.Duration;
import java.util.Optional;

/** TikTok's {@code error.code} and {@code fail_reason} in the domain's words. Reasons are for people: Vietnamese. */
final class TikTokErrors {

    private TikTokErrors() {}

    static SendResult classify(TikTokApi.Answer answer, String step, TikTokSettings settings) {
        String code = answer.code() == null ? "" : answer.code();
        String said = " (" + (code.isEmpty() ? "HTTP " + answer.status() : code)
                + (answer.message().isBlank() ? "" : ": " + answer.message())
                + (answer.logId().isBlank() ? "" : ", log_id " + answer.logId()) + ", bước " + step + ")";
        return switch (code) {
            case "access_token_invalid" -> new SendResult.NeedsAttention("TikTok vẫn từ chối mã truy cập sau khi đã làm mới"
                    + said + ": chủ tài khoản cấp quyền lại cho ứng dụng, đặt mã làm mới mới vào biến môi trường "
                    + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
            case "scope_not_authorized", "scope_permission_missed" -> new SendResult.NeedsAttention("Tài khoản TikTok chưa "
                    + "cấp quyền video.publish cho ứng dụng" + said + ": chủ tài khoản cấp quyền, đặt mã làm mới mới vào biến "
                    + "môi trường " + settings.refreshTokenEnv() + " rồi tiếp tục kênh.");
            case "rate_limit_exceeded" -> new SendResult.RetryLater(Optional.of(Duration.ofMinutes(1)),
                    "TikTok giới hạn tần suất gọi API" + said + ": sẽ thử lại sau một phút.");
            case "spam_risk_too_many_posts" -> new SendResult.RetryLater(Optional.of(Duration.ofHours(1)),
                    "Tài khoản TikTok đã đăng quá nhiều video trong ngày" + said + ": sẽ thử lại sau.");
            case "spam_risk_user_banned_from_posting" -> new SendResult.NeedsAttention("Tài khoản TikTok đang bị cấm đăng "
                    + "bài" + said + ": chủ tài khoản kiểm tra thông báo trong ứng dụng TikTok rồi tiếp tục kênh.");
            case "reached_active_user_cap" -> new SendResult.NeedsAttention("Ứng dụng TikTok chưa được duyệt đã đạt giới "
                    + "hạn số người đăng trong 24 giờ" + said + ": chờ hôm sau hoặc đề nghị TikTok duyệt (audit) ứng dụng, rồi "
                    + "tiếp tục kênh.");
            case "unaudited_client_can_only_post_to_private_accounts" -> new SendResult.NeedsAttention("Ứng dụng TikTok chưa "
                    + "được duyệt chỉ đăng được lên tài khoản riêng tư" + said + ": chuyển tài khoản sang riêng tư hoặc đề nghị "
                    + "TikTok duyệt ứng dụng, rồi tiếp tục kênh.");
            case "privacy_level_option_mismatch" -> new SendResult.NeedsAttention("TikTok không nhận chế độ người xem Herald "
                    + "gửi" + said + ": kiểm tra privacyLevel, privacyFallback và audited trong tệp kênh rồi tiếp tục kênh.");
            case "url_ownership_unverified" -> new SendResult.NeedsAttention("Tên miền của cổng thông tin chưa được xác minh "
                    + "với TikTok nên TikTok không tải video từ đó được" + said + ": xác minh tên miền trong trang nhà phát "
                    + "triển TikTok, hoặc đặt uploadMode: FILE_UPLOAD trong tệp kênh, rồi tiếp tục kênh.");
            case "invalid_params", "invalid_file_upload" -> new SendResult.Permanent("TikTok từ chối video hoặc thông tin bài"
                    + said + ": sửa bài rồi lên lịch lại.");
            case "internal_error" -> new SendResult.RetryLater(Optional.empty(), "TikTok gặp lỗi nội bộ" + said
                    + ": sẽ thử lại.");
            default -> byStatus(answer.status(), said);
        };
    }

    private static SendResult byStatus(int status, String said) {
        if (status >= 500 || status == 429 || status == 0) {
            return new SendResult.RetryLater(Optional.empty(), "TikTok tạm thời không trả lời được" + said + ": sẽ thử lại.");
        }
        if (status == 401 || status == 403) {
            return new SendResult.NeedsAttention("TikTok từ chối quyền của ứng dụng" + said + ": kiểm tra ứng dụng và quyền "
                    + "video.publish rồi tiếp tục kênh.");
        }
        return new SendResult.Permanent("TikTok từ chối yêu cầu" + said + ".");
    }

    /** A post TikTok gave up on ({@code status: FAILED}), by its {@code fail_reason}. */
    static SendResult failed(@Nullable String reason) {
        String said = " (fail_reason " + reason + ")";
        if (reason == null) {
            return new SendResult.Permanent("TikTok không đăng được video và không nói lý do: xem lại video rồi lên lịch lại.");
        }
        return switch (reason) {
            case "file_format_check_failed", "duration_check_failed", "frame_rate_check_failed", "picture_size_check_failed" ->
                    new SendResult.Permanent("TikTok không nhận tệp video này" + said + ": xuất lại video MP4 H.264 dọc, "
                            + "đúng thời lượng tài khoản được đăng, rồi lên lịch lại.");
            case "internal", "video_pull_failed" -> new SendResult.RetryLater(Optional.empty(), "TikTok không xử lý xong "
                    + "video lần này" + said + ": sẽ gửi lại.");
            case "spam_risk_too_many_posts" -> new SendResult.RetryLater(Optional.of(Duration.ofHours(1)),
                    "Tài khoản TikTok đã đăng quá nhiều video trong ngày" + said + ": sẽ thử lại sau.");
            case "spam_risk_user_banned_from_posting" -> new SendResult.NeedsAttention("Tài khoản TikTok đang bị cấm đăng bài"
                    + said + ": chủ tài khoản kiểm tra thông báo trong ứng dụng TikTok rồi tiếp tục kênh.");
            case "auth_removed" -> new SendResult.NeedsAttention("Chủ tài khoản đã gỡ quyền của ứng dụng trên TikTok" + said
                    + ": cấp quyền lại, đặt mã làm mới mới vào biến môi trường rồi tiếp tục kênh.");
            case "publish_cancelled" -> new SendResult.Permanent("Bài đăng đã bị hủy trên TikTok" + said + ".");
            default -> new SendResult.Permanent("TikTok không đăng video" + said + ": xem lại nội dung rồi lên lịch lại.");
        };
    }
}
