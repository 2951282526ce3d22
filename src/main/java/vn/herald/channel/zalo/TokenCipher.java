package vn.herald.channel.zalo;

import vn.herald.support.Sealing;
import vn.herald.channel.platform.Secrets;

import java.util.Base64;

/** Zalo tokens at rest, sealed with the key named by the channel file; failures are a person's job, said in Vietnamese. */
final class TokenCipher {

    private final Sealing sealing;

    private TokenCipher(byte[] key) {
        this.sealing = new Sealing(key);
    }

    /** The key from its variable; a missing or malformed key is a person's job, said in Vietnamese. */
    static TokenCipher fromVariable(String variable, Secrets secrets) {
        String encoded = secrets.get(variable).orElseThrow(() -> ZaloFailure.needsAttention("Thiếu biến môi trường "
                + variable + " (khóa mã hóa mã truy cập Zalo OA): tạo bằng lệnh openssl rand -base64 32, đặt vào biến "
                + "này rồi tiếp tục kênh."));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != Sealing.KEY_BYTES) {
            throw ZaloFailure.needsAttention("Biến môi trường " + variable + " phải chứa đúng 32 byte viết dạng base64 "
                    + "(tạo bằng lệnh openssl rand -base64 32).");
        }
        return new TokenCipher(key);
    }

    String seal(String plain, String context) {
        return sealing.seal(plain, context);
    }

    String open(String stored, String context, String variable) {
        return sealing.open(stored, context).orElseThrow(() -> ZaloFailure.needsAttention(
                "Không giải mã được mã Zalo OA lưu trong cơ sở dữ liệu: khóa trong biến "
                + variable + " đã bị đổi? Đặt lại khóa cũ, hoặc cấp quyền lại cho OA và đặt mã làm mới (refresh token) "
                + "mới vào biến môi trường rồi tiếp tục kênh."));
    }
}
