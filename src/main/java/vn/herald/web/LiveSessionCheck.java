package vn.herald.web;

import com.nimbusds.jwt.JWT;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.RolesFinder;
import io.micronaut.security.token.config.TokenConfiguration;
import io.micronaut.security.token.jwt.validator.DefaultJwtAuthenticationFactory;
import jakarta.inject.Singleton;
import vn.herald.account.Sessions;

import java.util.Optional;

/**
 * A login cookie counts only while the session it names is live in the database: logout, disabling, a new password
 * or new roles end it on every instance at once, and a restart keeps it ended. A token without a session is refused.
 * The check sits where the library turns a token, verified and unexpired, into a login; with
 * {@code reactive-validator-execute-on-blocking} (application.yml) that runs on the blocking pool, not the event loop.
 */
@Singleton
@Replaces(DefaultJwtAuthenticationFactory.class)
class LiveSessionCheck extends DefaultJwtAuthenticationFactory {

    /** The claim that carries the session id. */
    static final String CLAIM = "sid";

    private final Sessions sessions;

    LiveSessionCheck(TokenConfiguration tokenConfiguration, RolesFinder rolesFinder, Sessions sessions) {
        super(tokenConfiguration, rolesFinder);
        this.sessions = sessions;
    }

    @Override
    public Optional<Authentication> createAuthentication(JWT token) {
        return super.createAuthentication(token)
                .filter(user -> user.getAttributes().get(CLAIM) instanceof String session && sessions.isLive(session, user.getName()));
    }
}
