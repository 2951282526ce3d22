package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import vn.herald.support.Refusal;

import java.util.List;

/**
 * The page and size parameters of every API list, checked in one place. Pages count from 0; a page after the last is
 * empty (with the total, so a client sees where the list ends); a page number no list can reach is refused, so
 * offsets never overflow.
 */
public final class Paging {

    /** No list of a centre has a million entries: a larger offset is a mistake or a probe. */
    static final long MAX_OFFSET = 1_000_000L;

    private Paging() {}

    public static Pageable of(@Nullable Integer page, @Nullable Integer size, int defaultSize, int maxSize) {
        int number = page == null ? 0 : page;
        int length = size == null ? defaultSize : size;
        if (length < 1 || length > maxSize) {
            throw refused("size", "Số mục mỗi trang (size) phải từ 1 đến " + maxSize + ", nhưng đã nhận " + length + ".");
        }
        if (number < 0 || (long) number * length > MAX_OFFSET) {
            throw refused("page", "Số trang (page) phải từ 0 đến " + MAX_OFFSET / length + " với " + length
                    + " mục mỗi trang, nhưng đã nhận " + number + ".");
        }
        return Pageable.from(number, length);
    }

    private static Refusal refused(String field, String message) {
        return new Refusal(Refusal.Kind.INVALID, "paging-invalid", message, List.of(new Refusal.FieldError(field, message)));
    }
}
