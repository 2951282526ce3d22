package vn.herald.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import io.micronaut.security.token.cookie.AccessTokenCookieConfiguration;
import io.micronaut.security.token.cookie.LoginCookieProvider;
import io.micronaut.security.token.cookie.RefreshTokenCookieConfiguration;
import io.micronaut.security.token.cookie.TokenCookieLoginHandler;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.generator.AccessTokenConfiguration;
import io.micronaut.security.token.render.AccessRefreshToken;
import jakarta.inject.Singleton;
import vn.herald.account.ClientOrigin;

import java.util.List;

/**
 * The library's cookie login, with the cookie marked {@code Secure} when the public address is https or a trusted
 * proxy says the browser came over https (the library alone only sees the plain HTTP hop from the proxy).
 */
@Singleton
@Replaces(TokenCookieLoginHandler.class)
class SecureLoginCookie extends TokenCookieLoginHandler {

    private final ClientOrigin origin;

    SecureLoginCookie(RedirectService redirectService, RedirectConfiguration redirectConfiguration,
                      AccessTokenCookieConfiguration accessTokenCookieConfiguration,
                      RefreshTokenCookieConfiguration refreshTokenCookieConfiguration,
                      AccessTokenConfiguration accessTokenConfiguration,
                      AccessRefreshTokenGenerator accessRefreshTokenGenerator,
                      @Nullable PriorToLoginPersistence<HttpRequest<?>, MutableHttpResponse<?>> priorToLoginPersistence,
                      List<LoginCookieProvider<HttpRequest<?>>> loginCookieProviders, ClientOrigin origin) {
        super(redirectService, redirectConfiguration, accessTokenCookieConfiguration, refreshTokenCookieConfiguration,
                accessTokenConfiguration, accessRefreshTokenGenerator, priorToLoginPersistence, loginCookieProviders);
        this.origin = origin;
    }

    @Override
    protected Cookie accessTokenCookie(AccessRefreshToken token, HttpRequest<?> request) {
        Cookie cookie = super.accessTokenCookie(token, request);
        return origin.secure(request) ? cookie.secure(true) : cookie;
    }
}
