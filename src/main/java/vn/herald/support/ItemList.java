package vn.herald.support;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every list the API answers: {@code {"items": [...], "total": n}}. */
@Serdeable
public record ItemList<T>(List<T> items, long total) {
    public static <T> ItemList<T> of(List<T> items) {
        return new ItemList<>(items, items.size());
    }
}
