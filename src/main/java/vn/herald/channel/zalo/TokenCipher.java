package vn.herald.channel.zalo;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * AES-256-GCM for tokens at rest. Each value gets a fresh 12-byte nonce; the channel and the column are the
 * associated data, so a value copied to another row or column no longer decrypts.
 */
final class TokenCipher {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private TokenCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The key from its variable; a missing or malformed key is a person's job, said in Vietnamese. */
    static TokenCipher fromVariable(String variable, SecretSource secrets) {
        String encoded = secrets.get(variable).orElseThrow(() -> ZaloFailure.needsAttention("Thiếu biến môi trường "
                + variable + " (khóa mã hóa mã truy cập Zalo OA): tạo bằng lệnh openssl rand -base64 32, đặt vào biến "
                + "này rồi tiếp tục kênh."));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            key = new byte[0];
        }
        if (key.length != 32) {
            throw ZaloFailure.needsAttention("Biến môi trường " + variable + " phải chứa đúng 32 byte viết dạng base64 "
                    + "(tạo bằng lệnh openssl rand -base64 32).");
        }
        return new TokenCipher(key);
    }

    String seal(String plain, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    String open(String stored, String context, String variable) {
        try {
            if (!stored.startsWith(PREFIX)) {
                throw new AEADBadTagException("unknown format");
            }
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException | IllegalArgumentException e) {
            throw ZaloFailure.needsAttention("Không giải mã được mã Zalo OA lưu trong cơ sở dữ liệu: khóa trong biến "
                    + variable + " đã bị đổi? Đặt lại khóa cũ, hoặc cấp quyền lại cho OA và đặt mã làm mới (refresh token) "
                    + "mới vào biến môi trường rồi tiếp tục kênh.");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }
}
