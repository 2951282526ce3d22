package vn.herald.account;

import org.junit.jupiter.api.Test;
import vn.herald.TestClock;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RememberedPasswordsTest {

    private static final String HASH = "$2a$10$abcdefghijklmnopqrstuuABCDEFGHIJKLMNOPQRSTUVWXYZ01234";

    private final TestClock clock = new TestClock();

    @Test
    void aVerifiedPasswordIsRememberedForItsHashUntilItsTimeRunsOut() {
        RememberedPasswords remembered = new RememberedPasswords(new RememberedPasswords.Config(Duration.ofMinutes(5)), clock);
        assertFalse(remembered.remembers(HASH, "mật-khẩu-đúng"), "nothing is remembered before a verification");
        remembered.remember(HASH, "mật-khẩu-đúng");

        assertTrue(remembered.remembers(HASH, "mật-khẩu-đúng"));
        assertFalse(remembered.remembers(HASH, "mật-khẩu-sai"), "another password for the same user still goes to bcrypt");
        assertFalse(remembered.remembers(HASH.replace('a', 'b'), "mật-khẩu-đúng"), "a changed hash (new password) is checked afresh");

        clock.advance(Duration.ofMinutes(5));
        assertFalse(remembered.remembers(HASH, "mật-khẩu-đúng"), "after five minutes bcrypt checks it again");
    }

    @Test
    void zeroTurnsRememberingOff() {
        RememberedPasswords remembered = new RememberedPasswords(new RememberedPasswords.Config(Duration.ZERO), clock);
        remembered.remember(HASH, "mật-khẩu-đúng");
        assertFalse(remembered.remembers(HASH, "mật-khẩu-đúng"));
    }

    @Test
    void passwordsSeenThroughBcryptAreRememberedOnlyWhenRight() {
        RememberedPasswords remembered = new RememberedPasswords(new RememberedPasswords.Config(Duration.ofMinutes(5)), clock);
        Passwords passwords = new Passwords(remembered);
        String hash = passwords.hash("một-mật-khẩu-dài");

        assertFalse(passwords.matches("sai-mật-khẩu", hash));
        assertFalse(remembered.remembers(hash, "sai-mật-khẩu"), "a failed guess is never remembered");
        assertTrue(passwords.matches("một-mật-khẩu-dài", hash));
        assertTrue(remembered.remembers(hash, "một-mật-khẩu-dài"));
        assertFalse(passwords.matches("sai-mật-khẩu", hash), "a wrong password after a right one is still refused");
    }
}
