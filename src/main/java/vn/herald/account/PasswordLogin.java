package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.unit.Access;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a user name and password against the users table, for the login page and HTTP Basic alike; runs off the
 * event loop because bcrypt is slow on purpose. Throttled tries are refused before the password is looked at; an
 * unknown or disabled user costs one bcrypt check, as a wrong password does, so timing does not tell who exists.
 */
@Singleton
class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);
    private static final int LOGGED_NAME_LENGTH = 64;

    private final UserRepository users;
    private final Passwords passwords;
    private final LoginThrottle throttle;
    private final ClientOrigin origin;

    PasswordLogin(UserRepository users, Passwords passwords, LoginThrottle throttle, ClientOrigin origin) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
        this.origin = origin;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authRequest) {
        String username = authRequest.getIdentity() == null ? "" : authRequest.getIdentity();
        String password = authRequest.getSecret() == null ? "" : authRequest.getSecret();
        String address = request == null ? "unknown" : origin.address(request);
        LoginThrottle.Check check = throttle.check(username, address);
        if (check.retryAfter().isPresent()) {
            LOG.warn("Login refused without a password check for user '{}' from {}: too many failures, retry in {}s",
                    loggable(username), address, check.retryAfter().get().toSeconds());
            throw new LoginThrottled(check.retryAfter().get());
        }
        Optional<User> user = username.length() > 64 ? Optional.empty() : users.findByUsername(username).filter(User::enabled);
        boolean verified = user.isPresent() ? passwords.matches(password, user.get().passwordHash()) : passwords.matchesNobody(password);
        if (!verified) {
            throttle.failed(check);
            LOG.warn("Failed login for user '{}' from {}", loggable(username), address);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.succeeded(check);
        User account = user.get();
        return AuthenticationResponse.success(account.username(), account.roles().stream().map(Role::name).toList(),
                attributes(account));
    }

    /**
     * The user name as typed, safe for one log line: control and format characters (a forged line break, a bidi
     * override) removed, length capped.
     */
    static String loggable(String username) {
        String clean = username.replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "");
        return clean.length() > LOGGED_NAME_LENGTH ? clean.substring(0, LOGGED_NAME_LENGTH) + "…" : clean;
    }

    /** What the login carries besides name and roles: the unit decides what the user reaches (see Access). */
    private static Map<String, Object> attributes(User account) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("displayName", account.displayName());
        if (account.unitCode() != null) {
            attributes.put(Access.UNIT_ATTRIBUTE, account.unitCode());
        }
        return attributes;
    }
}
