package vn.herald.channel.zalo;

import vn.herald.channel.SendResult;

import java.time.Duration;
import java.util.Optional;

/** Zalo's {@code error} codes in the domain's words (see platform-apis.md). Reasons are for people: Vietnamese. */
final class ZaloErrors {

    private ZaloErrors() {}

    static SendResult classify(ZaloApi.Answer answer, String step) {
        int code = answer.error();
        String said = " (lỗi " + code + (answer.message().isBlank() ? "" : ": " + answer.message()) + ", bước " + step + ")";
        return switch (code) {
            case -32 -> new SendResult.RetryLater(Optional.of(Duration.ofMinutes(1)), "Zalo giới hạn tần suất gọi API" + said
                    + ": sẽ thử lại sau.");
            case -211 -> new SendResult.RetryLater(Optional.of(Duration.ofHours(1)), "OA đã dùng hết hạn mức của Zalo" + said
                    + ": sẽ thử lại sau.");
            case -234 -> new SendResult.RetryLater(Optional.of(Duration.ofHours(1)), "Zalo không cho gửi tin quảng bá từ 22:00 "
                    + "đến 06:00" + said + ": sẽ thử lại sau.");
            case -216, -220 -> new SendResult.NeedsAttention("Zalo vẫn từ chối mã truy cập sau khi đã làm mới" + said
                    + ": kiểm tra ứng dụng còn được liên kết với OA trên developers.zalo.me rồi tiếp tục kênh.");
            case -204, -205 -> new SendResult.NeedsAttention("Official Account bị vô hiệu hóa hoặc không tồn tại" + said
                    + ": kiểm tra OA trên oa.zalo.me rồi tiếp tục kênh.");
            case -223 -> new SendResult.NeedsAttention("Ứng dụng chưa được cấp quyền gọi API này" + said
                    + ": cấp quyền trên developers.zalo.me rồi tiếp tục kênh.");
            case -224 -> new SendResult.NeedsAttention("Tính năng này cần gói dịch vụ trả phí của Zalo OA" + said
                    + ": nâng cấp gói hoặc tắt tính năng trong tệp kênh rồi tiếp tục kênh.");
            case -237 -> new SendResult.NeedsAttention("OA chưa được bật Group Message Framework (GMF)" + said
                    + ": đăng ký GMF hoặc bỏ groupIds trong tệp kênh rồi tiếp tục kênh.");
            case -403 -> new SendResult.NeedsAttention("OA không ở trong nhóm Zalo được cấu hình" + said
                    + ": thêm OA vào nhóm hoặc sửa groupIds trong tệp kênh rồi tiếp tục kênh.");
            case -201 -> new SendResult.Permanent("Zalo từ chối nội dung vì có tham số không hợp lệ" + said
                    + ": sửa bài rồi lên lịch lại.");
            default -> new SendResult.Permanent("Zalo từ chối yêu cầu" + said + ".");
        };
    }
}
