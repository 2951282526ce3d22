package vn.herald.web;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.generator.AccessTokenConfigurationProperties;
import jakarta.inject.Singleton;
import vn.herald.account.LoginConfig;

/**
 * The login token lives {@code herald.login.session-length}, as the session row does; the cookie has no max-age of
 * its own, so the library gives it the token's. One setting, three lifetimes that cannot drift apart (the token used
 * to expire after the library's default hour: the old setting sat under the Micronaut 3 path, which 4 no longer reads).
 */
@Singleton
class SessionLength implements BeanCreatedEventListener<AccessTokenConfiguration> {

    private final LoginConfig config;

    SessionLength(LoginConfig config) {
        this.config = config;
    }

    @Override
    public AccessTokenConfiguration onCreated(BeanCreatedEvent<AccessTokenConfiguration> event) {
        if (event.getBean() instanceof AccessTokenConfigurationProperties properties) {
            properties.setExpiration(Math.toIntExact(config.sessionLength().toSeconds()));
        }
        return event.getBean();
    }
}
