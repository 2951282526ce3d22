package vn.herald.content;

import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.util.List;

/**
 * How much one piece may hold. Every entry (API, pages, content files, upstream feeds) goes through
 * {@link Pieces}, which checks these; the portal also trims old rows to them so no stored piece can bloat a page.
 */
public final class PieceLimits {

    public static final int TITLE = 300;
    public static final int SUMMARY = 1_000;
    public static final int CAPTION = 1_000;
    public static final int ALT_TEXT = 1_000;
    public static final int AUTHOR = 200;
    /** topics, audiences and campaign tags: each list at most this many labels */
    public static final int LABELS = 20;
    public static final int LABEL_LENGTH = 64;
    /** elements nested deeper in an article's HTML are flattened into their text by the sanitiser */
    public static final int HTML_DEPTH = 32;
    /** 40 megapixels: a phone photo has 12 to 50; a picture larger than this is a decompression bomb or a mistake */
    public static final long IMAGE_PIXELS = 40_000_000L;

    private PieceLimits() {}

    /** A one-line text field too long: the message says how long it is and how long it may be. */
    static void checkLength(String field, String value, int max, List<Refusal.FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new Refusal.FieldError(field, RefusalCode.TOO_LONG, label(field), value.length(), max));
        }
    }

    static void checkLabels(String field, List<String> values, List<Refusal.FieldError> errors) {
        if (values.size() > LABELS) {
            errors.add(new Refusal.FieldError(field, RefusalCode.TOO_MANY_LABELS, label(field), values.size(), LABELS));
        }
        values.stream().filter(v -> v.length() > LABEL_LENGTH).findFirst().ifPresent(v -> errors.add(new Refusal.FieldError(
                field, RefusalCode.LABEL_TOO_LONG, label(field), v.substring(0, 20) + "…", v.length(), LABEL_LENGTH)));
    }

    /** The field's name as the write page shows it. */
    private static Refusal.Word label(String field) {
        return new Refusal.Word("field." + field);
    }
}
