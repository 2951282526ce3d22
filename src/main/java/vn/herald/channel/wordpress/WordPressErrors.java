package vn.herald.channel.wordpress;

import org.jsoup.Jsoup;
import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;

import java.time.Instant;
import java.util.Optional;

/** WordPress's answers in the domain's words, by HTTP status, with reasons a Vietnamese operator can act on. */
final class WordPressErrors {

    private WordPressErrors() {
    }

    /** What an unsuccessful answer means for Herald. */
    static SendResult classify(PlatformAnswer answer, WordPressSettings settings, String action, Instant now) {
        int code = answer.status();
        String error = detail(answer).map(detail -> ", " + detail).orElse("");
        String file = "channels/" + settings.channelId() + ".yml";
        if (code == 401) {
            return new SendResult.NeedsAttention("WordPress không chấp nhận đăng nhập của tài khoản '" + settings.username()
                    + "' khi " + action + " (HTTP 401" + error + "): kiểm tra tên người dùng trong " + file
                    + " và mật khẩu ứng dụng trong biến môi trường " + settings.applicationPasswordEnv() + ", rồi tiếp tục kênh");
        }
        if (code == 403) {
            return new SendResult.NeedsAttention("Tài khoản WordPress '" + settings.username() + "' không có quyền " + action
                    + " (HTTP 403" + error + "): cấp vai trò Tác giả (Author) hoặc Biên tập viên (Editor) cho tài khoản, "
                    + "hoặc cho phép REST API trong plugin bảo mật, rồi tiếp tục kênh");
        }
        if (code == 404) {
            return new SendResult.NeedsAttention("Không tìm thấy REST API của WordPress tại " + settings.url("")
                    + " khi " + action + " (HTTP 404" + error + "): kiểm tra 'site' và 'apiPath' trong " + file + ", rồi tiếp tục kênh");
        }
        if (code >= 300 && code < 400) {
            return new SendResult.NeedsAttention("WordPress chuyển hướng sang " + answer.header("Location").orElse("một địa chỉ khác")
                    + " khi " + action + " (HTTP " + code + "): ghi đúng địa chỉ trang vào 'site' trong " + file + ", rồi tiếp tục kênh");
        }
        if (code == 408 || code == 429 || code >= 500) {
            return new SendResult.RetryLater(answer.retryAfter(now),
                    "WordPress tạm thời không nhận yêu cầu " + action + " (HTTP " + code + error + ")");
        }
        return new SendResult.Permanent("WordPress từ chối " + action + " (HTTP " + code + error + ")");
    }

    /** WordPress errors read {@code {"code":"rest_invalid_param","message":"...","data":{"status":400}}}. */
    static Optional<String> detail(PlatformAnswer answer) {
        return answer.object().filter(error -> error.get("code") != null).map(error -> error.get("code")
                + (error.get("message") == null ? "" : ": " + Jsoup.parse(error.get("message").toString()).text()));
    }

    static String missingPassword(WordPressSettings settings) {
        return "Biến môi trường " + settings.applicationPasswordEnv() + " chưa có mật khẩu ứng dụng WordPress của tài khoản '"
                + settings.username() + "': tạo mật khẩu ứng dụng trong WordPress (Người dùng > Hồ sơ > Mật khẩu ứng dụng), "
                + "đặt nó vào biến môi trường này, khởi động lại Herald rồi tiếp tục kênh";
    }
}
