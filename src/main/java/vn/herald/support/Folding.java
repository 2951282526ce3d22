package vn.herald.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Vietnamese text folded for search: without tone marks or vowel marks, "đ" as "d", lower case, spaces collapsed.
 * "Lừa đảo" and "lua dao" fold alike, so a person typing without diacritics (a phone keyboard, a hurried search) finds
 * what they mean. The same fold is stored beside the text and applied to the query, so H2 and PostgreSQL match alike
 * without either database's accent functions.
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
