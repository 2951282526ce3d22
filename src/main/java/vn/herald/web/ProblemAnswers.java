package vn.herald.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.problem.ProblemErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every error answer Micronaut makes itself (a value that does not convert, a missing argument, a failed constraint,
 * unreadable JSON, an unknown address, a wrong method) in the one problem shape of {@link RefusalHandler}: title,
 * stable code, a Vietnamese detail, the path, and for a 400 the fields and what is wrong with each. Replaces
 * micronaut-problem-json's processor, which gave a bare {@code type} and {@code status}.
 */
@Singleton
@Replaces(ProblemErrorResponseProcessor.class)
class ProblemAnswers implements ErrorResponseProcessor<RefusalHandler.Problem> {

    private static final String LABELLED = "refusal.labelled";
    // serde names the property it could not read: "Error decoding property [OffsetDateTime plannedAt] of type ..."
    private static final Pattern BODY_PROPERTY = Pattern.compile("property \\[(\\S+) (\\w+)]");
    private static final int VALUE_SHOWN = 40;

    @Override
    public MutableHttpResponse<RefusalHandler.Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        HttpRequest<?> request = context.getRequest();
        RefusalHandler.Problem problem;
        if (status == HttpStatus.BAD_REQUEST) {
            Locale locale = ClientLanguage.of(request);
            List<Refusal.FieldError> errors = fieldErrors(context);
            // the detail names each field by the label a person knows it by, the errors keep the request's names
            String said = errors.stream()
                    .map(e -> Refusal.text(LABELLED, List.of(Refusal.label(e.field(), locale), e.message(locale)), locale))
                    .collect(Collectors.joining("; "));
            problem = RefusalHandler.problem(request, status, RefusalCode.REQUEST_INVALID,
                    errors.stream().map(e -> RefusalHandler.FieldProblem.of(e, locale)).toList(), said);
        } else {
            problem = RefusalHandler.problem(request, status, codeOf(status),
                    null, request.getMethodName().toUpperCase(Locale.ROOT));
        }
        return response.contentType(RefusalHandler.PROBLEM_JSON).body(problem);
    }

    private static List<Refusal.FieldError> fieldErrors(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> new Refusal.FieldError(lastNode(v.getPropertyPath()), RefusalCode.VALUE_INVALID, v.getMessage()))
                    .toList();
        }
        if (cause instanceof ConversionErrorException conversion) {
            return List.of(conversionError(conversion));
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return List.of(new Refusal.FieldError(missing.getArgument().getName(), RefusalCode.VALUE_MISSING));
        }
        if (cause != null && isJson(cause)) {
            return List.of(bodyError(cause).orElse(new Refusal.FieldError("body", RefusalCode.BODY_NOT_JSON)));
        }
        List<Refusal.FieldError> named = new ArrayList<>();
        context.getErrors().forEach(error -> named.add(new Refusal.FieldError(
                error.getPath().map(path -> path.replaceFirst("^/", "")).orElse("request"), RefusalCode.VALUE_NOT_ACCEPTED)));
        return named.isEmpty() ? List.of(new Refusal.FieldError("request", RefusalCode.REQUEST_UNREADABLE)) : named;
    }

    /** A query, path or body argument whose text does not convert to its type. */
    private static Refusal.FieldError conversionError(ConversionErrorException conversion) {
        Argument<?> argument = conversion.getArgument();
        Exception cause = conversion.getConversionError().getCause();
        if (cause != null && (isJson(cause) || BODY_PROPERTY.matcher(String.valueOf(cause.getMessage())).find())) {
            Optional<Refusal.FieldError> inBody = bodyError(cause);
            if (inBody.isPresent()) {
                return inBody.get();
            }
        }
        String given = conversion.getConversionError().getOriginalValue().map(ProblemAnswers::shown).orElse(null);
        RefusalCode expected = expected(argument.getType());
        Object[] constants = argument.getType().isEnum() ? new Object[] {Arrays.stream(argument.getType().getEnumConstants())
                .map(String::valueOf).collect(Collectors.joining(", "))} : new Object[0];
        return given == null ? new Refusal.FieldError(argument.getName(), expected, constants)
                : new Refusal.FieldError(argument.getName(), RefusalCode.VALUE_NOT_CONVERTED, given, Refusal.said(expected, constants));
    }

    /** The property of a JSON body that did not read, when the decoder names it. */
    private static Optional<Refusal.FieldError> bodyError(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            Matcher property = BODY_PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (property.find()) {
                return Optional.of(new Refusal.FieldError(property.group(2), expectedBySimpleName(property.group(1))));
            }
        }
        return Optional.empty();
    }

    private static boolean isJson(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("io.micronaut.json.") || name.startsWith("io.micronaut.serde.")
                    || name.startsWith("com.fasterxml.jackson.") || name.startsWith("io.micronaut.http.codec.")) {
                return true;
            }
        }
        return false;
    }

    /** What a value of the type looks like: a text of the bundle, the constants for an enum. */
    private static RefusalCode expected(Class<?> type) {
        if (type.isEnum()) {
            return RefusalCode.EXPECT_ENUM;
        }
        if (LocalDate.class.equals(type)) {
            return RefusalCode.EXPECT_DATE;
        }
        if (LocalDateTime.class.equals(type)) {
            return RefusalCode.EXPECT_LOCAL_TIME;
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return RefusalCode.EXPECT_ZONED_TIME;
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class || type == short.class) {
            return RefusalCode.EXPECT_INTEGER;
        }
        if (type == boolean.class || type == Boolean.class) {
            return RefusalCode.EXPECT_BOOLEAN;
        }
        return RefusalCode.EXPECT_TYPE;
    }

    private static RefusalCode expectedBySimpleName(String simpleName) {
        return switch (simpleName) {
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> RefusalCode.EXPECT_ZONED_TIME;
            case "LocalDate" -> RefusalCode.EXPECT_DATE;
            case "LocalDateTime" -> RefusalCode.EXPECT_LOCAL_TIME;
            case "Long", "long", "Integer", "int" -> RefusalCode.EXPECT_INTEGER;
            case "Boolean", "boolean" -> RefusalCode.EXPECT_BOOLEAN;
            default -> RefusalCode.EXPECT_TYPE;
        };
    }

    /** The value as given, short and without control characters, to name it back to the person. */
    private static String shown(Object value) {
        String text = String.valueOf(value).replaceAll("\\p{Cntrl}", "");
        return text.length() > VALUE_SHOWN ? text.substring(0, VALUE_SHOWN) + "…" : text;
    }

    private static String lastNode(Path path) {
        String name = "request";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name;
    }

    private static RefusalCode codeOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> RefusalCode.LOGIN_REQUIRED;
            case FORBIDDEN -> RefusalCode.FORBIDDEN;
            case NOT_FOUND -> RefusalCode.ADDRESS_NOT_FOUND;
            case METHOD_NOT_ALLOWED -> RefusalCode.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> RefusalCode.NOT_ACCEPTABLE;
            case REQUEST_ENTITY_TOO_LARGE -> RefusalCode.TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> RefusalCode.UNSUPPORTED_TYPE;
            default -> status.getCode() >= 500 ? RefusalCode.SERVER_ERROR : RefusalCode.REFUSED;
        };
    }
}
