package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.CookieValue;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.Authenticator;
import io.micronaut.security.authentication.UsernamePasswordCredentials;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.handlers.LogoutHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import vn.herald.account.ClientOrigin;
import vn.herald.account.LoginThrottled;
import vn.herald.account.Sessions;

import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.Map;

/**
 * Login and logout of the pages. The form's token is checked first (a cookie copy for the login form, the login's
 * own token for logout); then Micronaut Security's handlers set or clear the HttpOnly JWT cookie and redirect. A login
 * starts a session row whose id the token carries; logout ends it. A throttled login shows the form again with 429.
 */
@Controller
@Produces(MediaType.TEXT_HTML)
class LoginPage {

    static final String LOGIN_COOKIE = "herald-login-form";

    /** What the login form posts. */
    @Serdeable
    record LoginFields(@Nullable String username, @Nullable String password, @Nullable String csrfToken) {}

    /** A form with nothing but its token. */
    @Serdeable
    record TokenFields(@Nullable String csrfToken) {}

    private final Authenticator<HttpRequest<?>> authenticator;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;
    private final LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler;
    private final PageForms forms;
    private final Sessions sessions;
    private final ClientOrigin origin;

    LoginPage(Authenticator<HttpRequest<?>> authenticator, LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler,
              LogoutHandler<HttpRequest<?>, MutableHttpResponse<?>> logoutHandler, PageForms forms, Sessions sessions,
              ClientOrigin origin) {
        this.authenticator = authenticator;
        this.loginHandler = loginHandler;
        this.logoutHandler = logoutHandler;
        this.forms = forms;
        this.sessions = sessions;
        this.origin = origin;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<ModelAndView<Map<String, Object>>> form(HttpRequest<?> request, @Nullable @QueryValue("loi") String failed,
                                                         @Nullable @QueryValue("da-thoat") String loggedOut) {
        return page(request, HttpStatus.OK, failed != null, loggedOut != null, null, "");
    }

    /** The login form with a fresh token, whose copy travels in a cookie only /login sees. */
    private MutableHttpResponse<ModelAndView<Map<String, Object>>> page(HttpRequest<?> request, HttpStatus status, boolean failed,
                                                                        boolean loggedOut, @Nullable Long throttledMinutes,
                                                                        String username) {
        String nonce = forms.loginNonce();
        Map<String, Object> model = Page.model(null, "login");
        model.put("failed", failed);
        model.put("loggedOut", loggedOut);
        model.put("throttledMinutes", throttledMinutes);
        model.put("username", username);
        model.put("loginToken", nonce);
        Cookie cookie = Cookie.of(LOGIN_COOKIE, nonce).httpOnly(true).sameSite(SameSite.Strict).path("/login")
                .maxAge(Duration.ofHours(2)).secure(origin.secure(request));
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(status).body(Page.view("login", model)).cookie(cookie);
    }

    @Post("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> logIn(HttpRequest<?> request, @Body LoginFields fields,
                                 @Nullable @CookieValue(LOGIN_COOKIE) String expected) {
        if (!forms.loginTokenMatches(fields.csrfToken(), expected)) {
            return HttpResponse.status(HttpStatus.FORBIDDEN);
        }
        AuthenticationResponse answer;
        try {
            answer = first(authenticator.authenticate(request,
                    new UsernamePasswordCredentials(fields.username(), fields.password())));
        } catch (LoginThrottled throttled) {
            return page(request, HttpStatus.TOO_MANY_REQUESTS, false, false, throttled.minutes(), typedName(fields))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()));
        }
        if (answer == null || !answer.isAuthenticated() || answer.getAuthentication().isEmpty()) {
            // the form again, with the name typed, rather than a redirect that forgets it
            return page(request, HttpStatus.UNAUTHORIZED, true, false, null, typedName(fields));
        }
        // the cookie's token names a session row, which logout, disabling and password or role changes end
        Authentication user = answer.getAuthentication().get();
        Map<String, Object> attributes = new HashMap<>(user.getAttributes());
        attributes.put(LiveSessionCheck.CLAIM, sessions.start(user.getName(), origin.address(request)));
        return loginHandler.loginSuccess(Authentication.build(user.getName(), user.getRoles(), attributes), request);
    }

    private static String typedName(LoginFields fields) {
        return fields.username() == null ? "" : fields.username();
    }

    /** The authenticator's first answer; pages run on the blocking pool, so waiting here holds no event loop. */
    @Nullable
    private static AuthenticationResponse first(Publisher<AuthenticationResponse> answers) {
        CompletableFuture<AuthenticationResponse> first = new CompletableFuture<>();
        answers.subscribe(new Subscriber<>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(1);
            }

            @Override
            public void onNext(AuthenticationResponse response) {
                first.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                first.completeExceptionally(error);
            }

            @Override
            public void onComplete() {
                first.complete(null);
            }
        });
        try {
            return first.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof LoginThrottled throttled) {
                throw throttled;
            }
            // a provider that throws is a failed login, as the library's own login endpoint treats it
            return null;
        }
    }

    @Post("/logout")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> logOut(HttpRequest<?> request, @Body TokenFields fields, Authentication user) {
        forms.check(user, fields.csrfToken());
        if (user.getAttributes().get(LiveSessionCheck.CLAIM) instanceof String session) {
            sessions.end(session, Sessions.EndReason.LOGOUT);
        }
        return logoutHandler.logout(request);
    }
}
