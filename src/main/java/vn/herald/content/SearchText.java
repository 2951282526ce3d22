package vn.herald.content;

import io.micronaut.core.annotation.Nullable;
import org.jsoup.Jsoup;
import vn.herald.support.Folding;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a search matches: a piece's readable text folded ({@link Folding}) into its words, one space between and one
 * at each end, stored beside the piece and beside its live portal page; and a query folded the same way and cut
 * into words. Every word must occur whole, in any order, so "dao lua" and "lua dao" both find "Lừa đảo", while
 * "cam" no longer finds the start of "camera" (that "nằm", "nam" and "năm" all fold to "nam" is the price of typing
 * without diacritics). Matching is a LIKE per word on the stored text, the same on H2 and PostgreSQL.
 */
public final class SearchText {

    /** A query's first words count; more would only make every search slower. The portal's query has a slot each. */
    public static final int MAX_WORDS = 5;
    /** A longer query is no search a person types. */
    public static final int MAX_QUERY = 200;

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {
    }

    /**
     * The folded words of a piece or page, {@code " word word "}: title, summary, the body without its markup, script
     * and caption.
     */
    public static String of(@Nullable String title, @Nullable String summary, @Nullable String bodyHtml,
                            @Nullable String script, @Nullable String caption) {
        String body = bodyHtml == null || bodyHtml.isBlank() ? null : Jsoup.parseBodyFragment(bodyHtml).text();
        String folded = Folding.fold(Stream.of(title, summary, body, script, caption).filter(Objects::nonNull)
                .collect(Collectors.joining(" ")));
        return " " + NOT_A_WORD.matcher(folded).replaceAll(" ").strip() + " ";
    }

    /**
     * The LIKE patterns of a query, one per distinct folded word ({@code "% word %"}, the whole word), at most
     * {@link #MAX_WORDS}; none for a query without letters or digits. A word holds only letters and digits, so no
     * LIKE wildcard gets through.
     */
    public static List<String> patterns(@Nullable String query) {
        if (query == null) {
            return List.of();
        }
        return Arrays.stream(NOT_A_WORD.split(Folding.fold(query))).filter(word -> !word.isEmpty()).distinct()
                .limit(MAX_WORDS).map(word -> "% " + word + " %").toList();
    }
}
