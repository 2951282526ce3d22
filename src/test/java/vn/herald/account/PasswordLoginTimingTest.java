package vn.herald.account;

import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.TestUsers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An unknown or disabled user costs exactly one bcrypt check, as a wrong password does, so the answer's timing does
 * not tell which user names exist. Counted, not timed: the count cannot flake on a busy machine.
 */
@MicronautTest(transactional = false)
class PasswordLoginTimingTest {

    @Inject Accounts accounts;
    @Inject UserRepository users;
    @Inject LoginThrottle throttle;
    @Inject ClientOrigin origin;
    @Inject LoginFailureRepository failures;

    /** Passwords that write down every hash bcrypt is asked to check. */
    static final class CountingPasswords extends Passwords {
        final List<String> checked = new ArrayList<>();

        CountingPasswords() {
            super(new RememberedPasswords(new RememberedPasswords.Config(Duration.ZERO), new TestClock()));
        }

        @Override
        boolean bcrypt(String password, String hash) {
            checked.add(hash);
            return super.bcrypt(password, hash);
        }
    }

    private final CountingPasswords passwords = new CountingPasswords();
    private PasswordLogin<Object> login;

    @BeforeEach
    void login() {
        TestUsers.ensure(accounts);
        failures.deleteAll();
        login = new PasswordLogin<>(users, passwords, throttle, origin);
    }

    private boolean logIn(String username, String password) {
        AuthenticationRequest<String, String> request = new UsernamePasswordCredentials(username, password);
        return login.authenticate(null, request).isAuthenticated();
    }

    @Test
    void anUnknownUserCostsOneBcryptCheckLikeAWrongPassword() {
        assertFalse(logIn("bien-tap", "khong-dung-mat-khau"));
        assertEquals(1, passwords.checked.size(), "a wrong password: one check against the user's hash");
        assertFalse(logIn("khong-ton-tai", "khong-dung-mat-khau"));
        assertEquals(2, passwords.checked.size(), "an unknown user: one check too");
        assertFalse(passwords.checked.get(1).equals(users.findByUsername("bien-tap").orElseThrow().passwordHash()));
    }

    @Test
    void aDisabledUserCostsOneBcryptCheckAndIsRefusedWithTheRightPassword() {
        accounts.create(new Accounts.AccountForm("da-nghi-viec", null, TestUsers.PASSWORD, java.util.Set.of(Role.EDITOR), null, false));
        assertFalse(logIn("da-nghi-viec", TestUsers.PASSWORD));
        assertEquals(1, passwords.checked.size());
        assertTrue(logIn("bien-tap", TestUsers.PASSWORD), "the counting does not change a good login");
    }
}
