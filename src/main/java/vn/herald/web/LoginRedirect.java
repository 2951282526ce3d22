package vn.herald.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import io.micronaut.security.config.RedirectConfiguration;
import io.micronaut.security.config.RedirectService;
import io.micronaut.security.errors.PriorToLoginPersistence;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;

/**
 * A browser that is not logged in is sent to the login page with a plain 302 (the library answers 303). API clients,
 * which do not ask for HTML, still get 401 with the Basic challenge.
 */
@Singleton
@Replaces(DefaultAuthorizationExceptionHandler.class)
class LoginRedirect extends DefaultAuthorizationExceptionHandler {

    LoginRedirect(ErrorResponseProcessor<?> errors, RedirectConfiguration redirects, RedirectService redirectService,
                  List<WwwAuthenticateChallengeProvider<HttpRequest<?>>> challenges,
                  @Nullable PriorToLoginPersistence priorToLogin) {
        super(errors, redirects, redirectService, challenges, priorToLogin);
    }

    @Override
    protected MutableHttpResponse<?> httpResponseWithStatus(URI location) {
        return HttpResponse.status(HttpStatus.FOUND).headers(headers -> headers.location(location));
    }
}
