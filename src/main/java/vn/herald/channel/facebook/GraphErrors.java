package vn.herald.channel.facebook;

import vn.herald.channel.SendResult;
import vn.herald.channel.platform.PlatformAnswer;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a failed Graph API answer by its JSON {@code error.code} and {@code error_subcode}, never by the HTTP
 * status alone: Facebook answers 400 even when it throttles. The codes are those of platform-apis.md.
 */
final class GraphErrors {

    /** Temporary trouble (1, 2) and every kind of throttling: the same request works later. */
    private static final Set<Integer> RETRY_LATER = Set.of(1, 2, 4, 17, 32, 341, 613, 80001);
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 341, 613, 80001);
    private static final int TOKEN = 190;
    private static final int PERMISSION = 10;
    private static final int POLICY_BLOCK = 368;
    private static final Set<Integer> CONTENT_REFUSED = Set.of(100, 506, 1609005);

    private GraphErrors() {
    }

    /**
     * What a failed answer means. {@code wait} is how long Facebook wants the channel to rest (from the usage
     * headers or the cool-down), used as the hint for throttling.
     */
    static SendResult classify(PlatformAnswer answer, FacebookSettings settings, Optional<Duration> wait) {
        Optional<Map<?, ?>> error = error(answer);
        if (error.isEmpty()) {
            return unreadable(answer);
        }
        Map<?, ?> e = error.get();
        int code = integer(e.get("code")).orElse(-1);
        Optional<Integer> subcode = integer(e.get("error_subcode"));
        String said = said(e, code, subcode);
        if (code == TOKEN) {
            return new SendResult.NeedsAttention("Mã truy cập Trang Facebook của kênh " + settings.channelId()
                    + " đã hết hạn hoặc không còn hiệu lực (" + said + "). Hãy lấy mã truy cập Trang mới, đặt vào biến môi trường "
                    + settings.accessTokenEnv() + " rồi cho kênh hoạt động lại.");
        }
        if (code == PERMISSION || (code >= 200 && code <= 299)) {
            return new SendResult.NeedsAttention("Tài khoản của kênh " + settings.channelId()
                    + " không có quyền đăng lên Trang (" + said + "). Hãy cấp lại quyền pages_manage_posts, "
                    + "pages_read_engagement và pages_show_list cho mã truy cập rồi cho kênh hoạt động lại.");
        }
        if (THROTTLED.contains(code)) {
            return new SendResult.RetryLater(wait, "Facebook đang giới hạn số lần gọi (" + said + "): sẽ thử lại sau.");
        }
        if (RETRY_LATER.contains(code)) {
            return new SendResult.RetryLater(Optional.empty(), "Facebook gặp sự cố tạm thời (" + said + "): sẽ thử lại sau.");
        }
        if (code == POLICY_BLOCK) {
            // never looped: a person reads Facebook's notice before this content goes out again
            return new SendResult.Permanent("Facebook chặn bài vì chính sách nội dung (" + said
                    + "). Không gửi lại tự động; hãy xem thông báo trên Trang trước khi đăng lại.");
        }
        if (CONTENT_REFUSED.contains(code)) {
            return new SendResult.Permanent("Facebook không nhận nội dung này (" + said + ").");
        }
        if (Boolean.TRUE.equals(e.get("is_transient")) || answer.status() >= 500) {
            return new SendResult.RetryLater(Optional.empty(), "Facebook gặp sự cố tạm thời (" + said + "): sẽ thử lại sau.");
        }
        return new SendResult.Permanent("Facebook từ chối yêu cầu (" + said + ").");
    }

    /** Whether an error answer is Facebook throttling the caller. */
    static boolean throttled(PlatformAnswer answer) {
        return error(answer).flatMap(e -> integer(e.get("code"))).map(THROTTLED::contains).orElse(false)
                || answer.status() == 429;
    }

    /** A JSON error object, whatever the HTTP status: Facebook throttles with 400 and may answer 200 with an error. */
    static Optional<Map<?, ?>> error(PlatformAnswer answer) {
        return answer.object().map(body -> body.get("error")).filter(Map.class::isInstance).map(error -> (Map<?, ?>) error);
    }

    static String missingToken(FacebookSettings settings) {
        return "Chưa có mã truy cập Trang Facebook cho kênh " + settings.channelId() + ": biến môi trường "
                + settings.accessTokenEnv() + " chưa được đặt trên máy chủ. Hãy đặt mã truy cập Trang (quyền "
                + "pages_manage_posts) vào biến này, khởi động lại Herald rồi cho kênh hoạt động lại.";
    }

    /** A failed answer without Facebook's error object: a proxy page, a cut body. */
    private static SendResult unreadable(PlatformAnswer answer) {
        String what = "HTTP " + answer.status() + (answer.body().isBlank() ? ", không có nội dung" : ": " + answer.bodyExcerpt());
        if (answer.status() >= 500 || answer.status() == 408 || answer.status() == 429) {
            return new SendResult.RetryLater(Optional.empty(), "Facebook trả lời không đọc được (" + what + "): sẽ thử lại sau.");
        }
        return new SendResult.Permanent("Facebook từ chối yêu cầu với câu trả lời không đọc được (" + what + ").");
    }

    private static String said(Map<?, ?> error, int code, Optional<Integer> subcode) {
        StringBuilder said = new StringBuilder("mã ").append(code);
        subcode.ifPresent(sub -> said.append(", mã phụ ").append(sub));
        Object userMessage = error.get("error_user_msg");
        Object message = userMessage != null ? userMessage : error.get("message");
        if (message != null && !message.toString().isBlank()) {
            said.append(": ").append(message.toString().strip());
        }
        Object trace = error.get("fbtrace_id");
        if (trace != null) {
            said.append("; fbtrace_id ").append(trace);
        }
        return said.toString();
    }

    static Optional<Integer> integer(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n.intValue());
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Integer.parseInt(s.strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
