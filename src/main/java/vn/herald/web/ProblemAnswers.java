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

    // serde names the property it could not read: "Error decoding property [OffsetDateTime plannedAt] of type ..."
    private static final Pattern BODY_PROPERTY = Pattern.compile("property \\[(\\S+) (\\w+)]");
    private static final int VALUE_SHOWN = 40;

    @Override
    public MutableHttpResponse<RefusalHandler.Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        HttpRequest<?> request = context.getRequest();
        String code;
        String detail;
        List<Refusal.FieldError> errors = List.of();
        if (status == HttpStatus.BAD_REQUEST) {
            errors = fieldErrors(context);
            code = "invalid";
            detail = "Yêu cầu có chỗ không hợp lệ: " + errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")) + ".";
        } else {
            code = codeOf(status);
            detail = detailOf(status, request);
        }
        return response.contentType(RefusalHandler.PROBLEM_JSON).body(new RefusalHandler.Problem("about:blank",
                status.getReason(), status.getCode(), code, detail, request.getPath(), errors.isEmpty() ? null : errors));
    }

    private static List<Refusal.FieldError> fieldErrors(ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream()
                    .map(v -> new Refusal.FieldError(lastNode(v.getPropertyPath()), "giá trị không hợp lệ (" + v.getMessage() + ")"))
                    .toList();
        }
        if (cause instanceof ConversionErrorException conversion) {
            return List.of(conversionError(conversion));
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            return List.of(new Refusal.FieldError(missing.getArgument().getName(), "thiếu giá trị bắt buộc"));
        }
        if (cause != null && isJson(cause)) {
            return List.of(bodyError(cause).orElse(new Refusal.FieldError("body",
                    "nội dung gửi lên không phải JSON hợp lệ hoặc không đúng kiểu ở một trường")));
        }
        List<Refusal.FieldError> named = new ArrayList<>();
        context.getErrors().forEach(error -> named.add(new Refusal.FieldError(
                error.getPath().map(path -> path.replaceFirst("^/", "")).orElse("request"), "giá trị không hợp lệ")));
        return named.isEmpty() ? List.of(new Refusal.FieldError("request", "yêu cầu không đọc được")) : named;
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
        String expected = expected(argument.getType(), argument.getName());
        return new Refusal.FieldError(argument.getName(), given == null ? expected : "'" + given + "' không hợp lệ: " + expected);
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

    private static String expected(Class<?> type, String name) {
        if (type.isEnum()) {
            return "phải là một trong " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (LocalDate.class.equals(type)) {
            return "phải là một ngày dạng năm-tháng-ngày, ví dụ 2027-05-18";
        }
        if (LocalDateTime.class.equals(type)) {
            return "phải là ngày giờ dạng 2027-05-18T07:00";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "phải là ngày giờ kèm múi giờ, ví dụ 2027-05-18T07:00:00+07:00";
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class || type == short.class) {
            return "phải là một số nguyên";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "phải là true hoặc false";
        }
        return "không đúng kiểu dữ liệu của " + name;
    }

    private static String expectedBySimpleName(String simpleName) {
        return switch (simpleName) {
            case "OffsetDateTime", "Instant", "ZonedDateTime" -> "phải là ngày giờ kèm múi giờ, ví dụ 2027-05-18T07:00:00+07:00";
            case "LocalDate" -> "phải là một ngày dạng năm-tháng-ngày, ví dụ 2027-05-18";
            case "LocalDateTime" -> "phải là ngày giờ dạng 2027-05-18T07:00";
            case "Long", "long", "Integer", "int" -> "phải là một số nguyên";
            case "Boolean", "boolean" -> "phải là true hoặc false";
            default -> "không đúng kiểu dữ liệu";
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

    private static String codeOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "login-required";
            case FORBIDDEN -> "forbidden";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case NOT_ACCEPTABLE -> "not-acceptable";
            case REQUEST_ENTITY_TOO_LARGE -> "too-large";
            case UNSUPPORTED_MEDIA_TYPE -> "unsupported-type";
            default -> status.getCode() >= 500 ? "server-error" : "refused";
        };
    }

    private static String detailOf(HttpStatus status, HttpRequest<?> request) {
        return switch (status) {
            case UNAUTHORIZED -> "Cần đăng nhập để dùng địa chỉ này.";
            case FORBIDDEN -> "Tài khoản này không có quyền làm việc này.";
            case NOT_FOUND -> "Không có gì ở địa chỉ này.";
            case METHOD_NOT_ALLOWED -> "Địa chỉ này không nhận yêu cầu " + request.getMethodName().toUpperCase(Locale.ROOT) + ".";
            case NOT_ACCEPTABLE -> "Địa chỉ này không trả lời được ở dạng đã yêu cầu.";
            case REQUEST_ENTITY_TOO_LARGE -> "Nội dung gửi lên quá lớn.";
            case UNSUPPORTED_MEDIA_TYPE -> "Địa chỉ này không nhận kiểu nội dung đã gửi.";
            default -> status.getCode() >= 500 ? "Máy chủ gặp lỗi. Hãy thử lại sau hoặc báo người quản trị."
                    : "Yêu cầu không được chấp nhận.";
        };
    }
}
