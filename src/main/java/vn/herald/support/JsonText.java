package vn.herald.support;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A value as JSON text, where writing it cannot fail for a reason the caller could handle (records, maps, lists). */
public final class JsonText {

    private JsonText() {
    }

    public static String of(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
