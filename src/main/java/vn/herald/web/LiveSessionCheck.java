package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import vn.herald.account.Sessions;

/**
 * A login cookie counts only while the session it names is live in the database: logout, disabling, a new password
 * or new roles end it on every instance at once, and a restart keeps it ended. A token without a session is refused.
 */
@Singleton
class LiveSessionCheck implements GenericJwtClaimsValidator<HttpRequest<?>> {

    /** The claim that carries the session id. */
    static final String CLAIM = "sid";

    private final Sessions sessions;

    LiveSessionCheck(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        return claims.get(CLAIM) instanceof String session && claims.get(Claims.SUBJECT) instanceof String username
                && sessions.isLive(session, username);
    }
}
