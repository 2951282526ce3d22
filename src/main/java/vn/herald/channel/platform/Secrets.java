package vn.herald.channel.platform;

import java.util.Map;
import java.util.Optional;

/**
 * The one way to read a secret: by the name of the environment variable a channel file gives. A blank value is no
 * value. Secrets are never logged, never returned by the API, never written to a channel file.
 */
@FunctionalInterface
public interface Secrets {

    Optional<String> get(String variable);

    /** Fixed values, for tests and tools that cannot set the process environment. */
    static Secrets of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return variable -> present(copy.get(variable));
    }

    /** A value with surrounding blanks removed, or nothing when it is missing or blank. */
    static Optional<String> present(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
