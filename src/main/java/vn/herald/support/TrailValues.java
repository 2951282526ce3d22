package vn.herald.support;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The values of an audit-trail event (an instant, a revision, a platform id) by name, kept as one JSON text column on
 * H2 and PostgreSQL alike: machines read the values, pages put them into the bundle's sentence.
 */
@Singleton
public class TrailValues implements AttributeConverter<Map<String, String>, String> {

    private final JsonMapper json;

    TrailValues(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String convertToPersistedValue(Map<String, String> values, ConversionContext context) {
        return values == null || values.isEmpty() ? null : JsonText.of(json, values);
    }

    @Override
    public Map<String, String> convertToEntityValue(String text, ConversionContext context) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return Map.copyOf(json.readValue(text, Argument.mapOf(String.class, String.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable trail values: " + text, e);
        }
    }
}
