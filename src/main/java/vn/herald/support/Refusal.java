package vn.herald.support;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request the domain refuses, in the domain's words. The web layer turns it into an
 * application/problem+json answer; features never speak HTTP. The {@code code} is stable (clients and tests match
 * on it); the message is what a person reads.
 */
public class Refusal extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, FORBIDDEN, TOO_LARGE, UNSUPPORTED_TYPE }

    /** A message about one field of the request, e.g. {@code title: must not be blank}. */
    @Serdeable
    public record FieldError(String field, String message) {}

    private final Kind kind;
    private final String code;
    private final List<FieldError> fieldErrors;
    private final Map<String, Object> existing;

    public Refusal(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Refusal(Kind kind, String message, List<FieldError> fieldErrors) {
        this(kind, kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), message, fieldErrors);
    }

    /** A refusal with its own stable code, e.g. {@code login-throttled}. */
    public Refusal(Kind kind, String code, String message, List<FieldError> fieldErrors) {
        this(kind, code, message, fieldErrors, Map.of());
    }

    /**
     * A refusal naming what already exists and stands in the way (e.g. the earlier publication of a piece on a
     * channel), so a client can show or open it.
     */
    public Refusal(Kind kind, String code, String message, List<FieldError> fieldErrors, Map<String, Object> existing) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
        this.fieldErrors = List.copyOf(fieldErrors);
        this.existing = Collections.unmodifiableMap(new LinkedHashMap<>(existing));
    }

    /** Nothing of that kind by that id, e.g. {@code notFound("tin, bài", 12)}: "Không tìm thấy tin, bài 12." */
    public static Refusal notFound(String what, Object id) {
        return new Refusal(Kind.NOT_FOUND, "Không tìm thấy " + what + " " + id + ".");
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public Map<String, Object> existing() {
        return existing;
    }
}
