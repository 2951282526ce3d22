package vn.herald;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** Every list the API answers: {@code {"items": [...], "total": n}}. */
// an empty list is still a list: clients should not have to treat a missing "items" as none
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable
public record ItemList<T>(List<T> items, long total) {
    public static <T> ItemList<T> of(List<T> items) {
        return new ItemList<>(items, items.size());
    }
}
