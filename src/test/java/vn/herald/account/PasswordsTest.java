package vn.herald.account;

import at.favre.lib.crypto.bcrypt.BCrypt;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    private final Passwords passwords = new Passwords(new RememberedPasswords(new RememberedPasswords.Config(Duration.ZERO), new TestClock()));

    @Test
    void hashesMadeBeforeLongPasswordsWereAllowedStillVerify() {
        String before = BCrypt.withDefaults().hashToString(10, "mật-khẩu-đặt-từ-trước".toCharArray());
        assertTrue(passwords.matches("mật-khẩu-đặt-từ-trước", before));
        assertFalse(passwords.matches("mật-khẩu-khác-hẳn", before));
    }

    @Test
    void aPasswordPastSeventyTwoBytesIsHashedWholeAndChecked() {
        String passphrase = "Sáng thứ Hai loa phường đọc bản tin lúc sáu giờ rưỡi đúng giờ";
        assertTrue(passphrase.getBytes(StandardCharsets.UTF_8).length > 72);
        String hash = passwords.hash(passphrase);
        assertTrue(passwords.matches(passphrase, hash));
        assertFalse(passwords.matches(passphrase.replace("đúng giờ", "hơi muộn"), hash), "what lies past byte 72 counts");
    }

    @Test
    void whatBcryptCannotReadIsAMismatchNotAnError() {
        assertFalse(passwords.matches("bất kỳ", "không phải một mã bcrypt"));
        assertFalse(passwords.matches("x".repeat(100_000), passwords.hash("một mật khẩu bình thường")));
    }
}
