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
import vn.herald.support.RefusalCode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the domain's refusals into RFC 9457 problem documents, with one entry per invalid field: the stable codes and
 * field names as they are, the title and texts from the message bundle in Vietnamese, or English when the client's
 * {@code Accept-Language} prefers it.
 */
@Produces(MediaType.APPLICATION_JSON)
@Singleton
@Requires(classes = {Refusal.class, ExceptionHandler.class})
class RefusalHandler implements ExceptionHandler<Refusal, HttpResponse<RefusalHandler.Problem>> {

    static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    /** The statuses with a title of their own in the bundle ({@code refusal.title.<status>}); others say "refused". */
    static final Set<Integer> TITLED = Set.of(400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 500);

    /** What is wrong with one field: its name as the request spells it, a stable code and the text a person reads. */
    @Serdeable
    record FieldProblem(String field, String code, String message) {

        static FieldProblem of(Refusal.FieldError error, Locale locale) {
            return new FieldProblem(error.field(), error.code().code(), error.message(locale));
        }
    }

    /** {@code existing}: what already exists and stands in the way, when the refusal names it (RFC 9457 extension). */
    @Serdeable
    record Problem(String type, String title, int status, String code, String detail, String instance,
                   @Nullable List<FieldProblem> errors, @Nullable Map<String, Object> existing) {

        Problem(String type, String title, int status, String code, String detail, String instance,
                @Nullable List<FieldProblem> errors) {
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
        Locale locale = ClientLanguage.of(request);
        String detail = refusal.message(locale);
        // a 400 always names what is wrong; a refusal without a field is about the request as a whole
        List<FieldProblem> errors = !refusal.fieldErrors().isEmpty()
                ? refusal.fieldErrors().stream().map(e -> FieldProblem.of(e, locale)).toList()
                : status == HttpStatus.BAD_REQUEST ? List.of(new FieldProblem("request", refusal.code(), detail)) : null;
        return HttpResponse.<Problem>status(status)
                .contentType(PROBLEM_JSON)
                .body(new Problem("about:blank", title(status, locale), status.getCode(), refusal.code(), detail,
                        request.getPath(), errors, refusal.existing().isEmpty() ? null : refusal.existing()));
    }

    /** The problem's title in the client's language, never the English HTTP reason. */
    static String title(HttpStatus status, Locale locale) {
        String key = "refusal.title." + (TITLED.contains(status.getCode()) ? String.valueOf(status.getCode())
                : status.getCode() >= 500 ? "500" : "other");
        return Refusal.text(key, List.of(), locale);
    }

    /** A problem about the request as a whole, in the client's language (used for what Micronaut refuses itself). */
    static Problem problem(HttpRequest<?> request, HttpStatus status, RefusalCode code, @Nullable List<FieldProblem> errors,
                           Object... args) {
        Locale locale = ClientLanguage.of(request);
        return new Problem("about:blank", title(status, locale), status.getCode(), code.code(),
                Refusal.text(code.key(), java.util.Arrays.asList(args), locale), request.getPath(), errors);
    }
}
