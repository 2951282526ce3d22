package vn.herald.channel.platform;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import okhttp3.Headers;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of a platform, read once: status, headers and body, with the body readable as typed JSON. A body that
 * is not the JSON asked for reads as empty: each platform's own errors class decides what that means.
 */
public final class PlatformAnswer {

    private final int status;
    private final Headers headers;
    private final String body;
    private final JsonMapper json;

    public PlatformAnswer(int status, Headers headers, String body, JsonMapper json) {
        this.status = status;
        this.headers = headers;
        this.body = body == null ? "" : body;
        this.json = json;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** Whether the status is 2xx; what the body says is the platform's to read. */
    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    /** The body as this type, when it is such JSON. */
    public <T> Optional<T> json(Argument<T> type) {
        try {
            return Optional.ofNullable(json.readValue(body, type));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The body as a JSON object; only a body that starts as one is read, so an HTML error page is never parsed. */
    public Optional<Map<?, ?>> object() {
        if (!body.stripLeading().startsWith("{")) {
            return Optional.empty();
        }
        return json(Argument.of(Map.class)).map(map -> (Map<?, ?>) map);
    }

    /** The body as a JSON array. */
    public Optional<List<?>> list() {
        return json(Argument.listOf(Object.class)).map(list -> (List<?>) list);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, counted from {@code now}; never negative. */
    public Optional<Duration> retryAfter(Instant now) {
        return header("Retry-After").flatMap(value -> retryAfter(value, now));
    }

    static Optional<Duration> retryAfter(String header, Instant now) {
        String value = header.strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    /** The start of the body, on one line, for a reason people can read; never long. */
    public String bodyExcerpt() {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
