package vn.herald.content;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.data.model.runtime.convert.AttributeConverter;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Lists and variants are small values read and written whole: one JSON text column each works on H2 and PostgreSQL alike. */
final class JsonColumns {

    private JsonColumns() {}

    static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(JsonMapper json, String text, Argument<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable JSON column: " + text, e);
        }
    }

    @Singleton
    static class TextList implements AttributeConverter<List<String>, String> {
        private final JsonMapper json;

        TextList(JsonMapper json) {
            this.json = json;
        }

        @Override
        public String convertToPersistedValue(List<String> list, ConversionContext context) {
            return write(json, list == null ? List.of() : list);
        }

        @Override
        public List<String> convertToEntityValue(String text, ConversionContext context) {
            return text == null || text.isBlank() ? List.of() : List.copyOf(read(json, text, Argument.listOf(String.class)));
        }
    }

    @Singleton
    static class VariantsColumn implements AttributeConverter<Variants, String> {
        private final JsonMapper json;

        VariantsColumn(JsonMapper json) {
            this.json = json;
        }

        @Override
        public String convertToPersistedValue(Variants variants, ConversionContext context) {
            return write(json, variants == null ? Variants.none() : variants);
        }

        @Override
        public Variants convertToEntityValue(String text, ConversionContext context) {
            return text == null || text.isBlank() ? Variants.none() : read(json, text, Argument.of(Variants.class));
        }
    }
}
