package vn.herald.web;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What an editor reads of a failure: Vietnamese, no server path, no Java, no English, times in the unit's zone. */
class FailureTextTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    private final FailureText failures = new FailureText(new ResourceBundleMessageSource("i18n.messages"));

    @Test
    void theSpeechCacheFailureOfALoudspeakerItemIsExplainedWithoutItsPath() {
        String shown = failures.shown("Không tạo được âm thanh (không lưu được âm thanh vào ./data/speech-cache: "
                + "./data/speech-cache/4f2a.part (No such file or directory)): mục này được đánh dấu đọc trực tiếp.", HANOI);
        assertEquals("Không tạo được âm thanh: không lưu được âm thanh giọng đọc tự động trên máy chủ. Quản trị viên cần "
                + "kiểm tra thư mục dữ liệu của Herald (còn chỗ trống, có quyền ghi).", shown);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "java.nio.file.NoSuchFileException: /srv/herald/data/assets/ab/cd.png | Một tệp cần cho lần đăng không còn trên máy chủ",
            "java.net.SocketTimeoutException: timeout | Nền tảng không trả lời kịp",
            "java.net.ConnectException: Failed to connect to graph.facebook.com/31.13.75.8:443 | Không kết nối được tới nền tảng",
            "java.net.UnknownHostException: openapi.zalo.me | Không kết nối được tới nền tảng",
            "java.io.IOException: No space left on device | Ổ đĩa của máy chủ đã đầy",
            "/var/lib/herald/loa/.builds: Read-only file system | Máy chủ không có quyền đọc hoặc ghi",
            "Unexpected response HTTP 502 Bad Gateway | Máy chủ của nền tảng đang gặp lỗi (mã HTTP 502)",
            "Server answered status 401 Unauthorized | Nền tảng từ chối quyền truy cập (mã HTTP 401)",
            "HTTP 429 Too Many Requests | Nền tảng báo nhận quá nhiều yêu cầu (mã HTTP 429)",
            "java.lang.IllegalStateException: the frozen payload cannot be read | Lỗi kỹ thuật không rõ",
            "the file channels/facebook.yml was removed | Tệp cấu hình của kênh đã bị xóa khỏi thư mục channels",
    })
    void aKnownFailureBecomesItsVietnameseExplanation(String raw, String expected) {
        String shown = failures.shown(raw, HANOI);
        assertTrue(shown.startsWith(expected), shown);
        assertFalse(shown.contains("/") || shown.contains("Exception") || shown.contains("java"), shown);
    }

    @Test
    void aVietnameseHeadIsKeptAndTheEnglishDetailAfterItExplained() {
        assertEquals("WordPress xa.example không trả lời khi tạo bài: nền tảng không trả lời kịp (quá thời gian chờ). "
                        + "Herald tự thử lại nếu còn trong hạn.",
                failures.shown("WordPress xa.example không trả lời khi tạo bài: java.net.SocketTimeoutException: Read timed out",
                        HANOI));
    }

    @Test
    void aCleanVietnameseReasonIsShownAsItIsWithItsInstantsInTheUnitsZone() {
        assertEquals("Trang Facebook báo mã truy cập hết hạn lúc 09/12/2026 07:30: cần cấp lại mã.",
                failures.shown("Trang Facebook báo mã truy cập hết hạn lúc 2026-12-09T00:30:00Z: cần cấp lại mã.", HANOI));
        assertEquals("máy chủ trả lời HTTP 404 cho https://tinh.example/rss/tin.rss",
                failures.shown("máy chủ trả lời HTTP 404 cho https://tinh.example/rss/tin.rss", HANOI));
        assertNull(failures.shown(null, HANOI));
        assertNull(failures.shown("  ", HANOI));
    }

    @Test
    void onlyCleanVietnameseIsKeptWhereNothingNeedsExplaining() {
        assertNull(failures.clean("moved from 2026-12-09T00:30:00Z to 2026-12-10T00:30:00Z", HANOI));
        assertEquals("Phiên 17:00 đã đủ.", failures.clean("Phiên 17:00 đã đủ.", HANOI));
    }
}
