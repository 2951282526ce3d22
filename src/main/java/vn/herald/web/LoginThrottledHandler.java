package vn.herald.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import vn.herald.account.LoginThrottled;
import vn.herald.support.RefusalCode;

/** A throttled HTTP Basic login: 429 with Retry-After and a problem document (the login page shows its own). */
@Produces(MediaType.APPLICATION_JSON)
@Singleton
class LoginThrottledHandler implements ExceptionHandler<LoginThrottled, HttpResponse<RefusalHandler.Problem>> {

    @Override
    public HttpResponse<RefusalHandler.Problem> handle(HttpRequest request, LoginThrottled throttled) {
        HttpStatus status = HttpStatus.TOO_MANY_REQUESTS;
        return HttpResponse.<RefusalHandler.Problem>status(status)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfter().toSeconds()))
                .contentType(RefusalHandler.PROBLEM_JSON)
                .body(RefusalHandler.problem(request, status, RefusalCode.LOGIN_THROTTLED, null, throttled.minutes()));
    }
}
