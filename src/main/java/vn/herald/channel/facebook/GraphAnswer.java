package vn.herald.channel.facebook;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** One answer of the Graph API: status, headers and body, read once; the body as JSON when it is JSON. */
record GraphAnswer(int status, Function<String, String> headers, String body, @Nullable Map<?, ?> json) {

    static GraphAnswer of(int status, Function<String, String> headers, String body, JsonMapper mapper) {
        Map<?, ?> parsed = null;
        if (body != null && body.stripLeading().startsWith("{")) {
            try {
                parsed = mapper.readValue(body, Map.class);
            } catch (IOException | RuntimeException e) {
                // a garbled body stays unparsed: callers decide what that means for their call
                parsed = null;
            }
        }
        return new GraphAnswer(status, headers, body == null ? "" : body, parsed);
    }

    boolean successful() {
        return status >= 200 && status < 300 && json != null && !json.containsKey("error");
    }

    /** A JSON error object, whatever the HTTP status: Facebook throttles with 400 and may answer 200 with an error. */
    Optional<Map<?, ?>> error() {
        return json != null && json.get("error") instanceof Map<?, ?> error ? Optional.of(error) : Optional.empty();
    }

    Optional<String> text(String key) {
        Object value = json == null ? null : json.get(key);
        return value == null || value instanceof Map || value instanceof Iterable ? Optional.empty()
                : Optional.of(value.toString()).filter(text -> !text.isBlank());
    }

    /** The start of a body that is not JSON, for a reason people can read; never long. */
    String bodyExcerpt() {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
