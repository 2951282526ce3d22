package vn.herald.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns Vietnamese titles into URL slugs: "Chuyển đổi số" becomes "chuyen-doi-so". */
public final class Slugs {

    private static final int MAX_LENGTH = 80;
    private static final String FALLBACK = "bai-viet";

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_SLUG_CHARS = Pattern.compile("[^a-z0-9]+");

    private Slugs() {
    }

    public static String slugOf(String title) {
        if (title == null) {
            return FALLBACK;
        }
        // NFD splits "ắ" into "a" plus combining marks, but "đ" is a letter of its own
        // (U+0111) with no decomposition, so it has to be replaced by hand.
        String text = title.replace('đ', 'd').replace('Đ', 'd').toLowerCase(Locale.ROOT);
        text = COMBINING_MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String slug = trimHyphens(NOT_SLUG_CHARS.matcher(text).replaceAll("-"));
        if (slug.length() > MAX_LENGTH) {
            slug = shorten(slug);
        }
        return slug.isEmpty() ? FALLBACK : slug;
    }

    /** The n-th slug for the same title in a unit: the first keeps the plain slug. */
    public static String withSuffix(String slug, int n) {
        return n <= 1 ? slug : slug + "-" + n;
    }

    private static String shorten(String slug) {
        String head = slug.substring(0, MAX_LENGTH);
        boolean cutInsideWord = slug.charAt(MAX_LENGTH) != '-';
        int lastHyphen = head.lastIndexOf('-');
        if (cutInsideWord && lastHyphen > 0) {
            head = head.substring(0, lastHyphen);
        }
        return trimHyphens(head);
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
