package vn.herald.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import vn.herald.unit.Access;

import java.util.HashMap;
import java.util.Map;

/** Checks a username and password against the users table; runs off the event loop because bcrypt is slow on purpose. */
@Singleton
class PasswordLogin<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final Accounts accounts;

    PasswordLogin(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authRequest) {
        return accounts.authenticate(authRequest.getIdentity(), authRequest.getSecret())
                .map(account -> AuthenticationResponse.success(account.username(),
                        account.roles().stream().map(Role::name).toList(),
                        attributes(account)))
                .orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
    }

    /** What the login carries besides name and roles: the unit decides what the user reaches (see Access). */
    private static Map<String, Object> attributes(Accounts.Account account) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("displayName", account.displayName());
        if (account.unitCode() != null) {
            attributes.put(Access.UNIT_ATTRIBUTE, account.unitCode());
        }
        return attributes;
    }
}
