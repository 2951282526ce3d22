package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

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
            throw Refusal.invalid("size", RefusalCode.PAGE_SIZE, maxSize, length);
        }
        if (number < 0 || (long) number * length > MAX_OFFSET) {
            throw Refusal.invalid("page", RefusalCode.PAGE_NUMBER, MAX_OFFSET / length, length, number);
        }
        return Pageable.from(number, length);
    }
}
