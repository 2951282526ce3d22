package vn.herald.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;

import java.util.List;
import java.util.Map;

/** Turns the domain's refusals into RFC 9457 problem documents, with one entry per invalid field. */
@Produces(MediaType.APPLICATION_JSON)
@Singleton
@Requires(classes = {Refusal.class, ExceptionHandler.class})
class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<RefusalHandler.Problem>> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    /** {@code existing}: what already exists and stands in the way, when the refusal names it (RFC 9457 extension). */
    @Serdeable
    record Problem(String type, String title, int status, String code, String detail, String instance,
                   @Nullable List<Refusal.FieldError> errors, @Nullable Map<String, Object> existing) {

        Problem(String type, String title, int status, String code, String detail, String instance,
                @Nullable List<Refusal.FieldError> errors) {
            this(type, title, status, code, detail, instance, errors, null);
        }
    }

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Refusal refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case TOO_LARGE -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case UNSUPPORTED_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
        };
        // a 400 always names what is wrong; a refusal without a field is about the request as a whole
        List<Refusal.FieldError> errors = !refusal.fieldErrors().isEmpty() ? refusal.fieldErrors()
                : status == HttpStatus.BAD_REQUEST ? List.of(new Refusal.FieldError("request", refusal.getMessage())) : null;
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", status.getReason(), status.getCode(), refusal.code(), refusal.getMessage(),
                        request.getPath(), errors, refusal.existing().isEmpty() ? null : refusal.existing()));
    }
}
