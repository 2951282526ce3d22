package vn.herald.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in a page's visible text is not for a Vietnamese reader: English words that Vietnamese never spells (the
 * developer language of refusals: "must", "already", "revision"...), instants with a {@code Z} or an ISO
 * {@code T}, enum codes such as {@code DRY_RUN} (the settings an admin sets, {@code HERALD_...}, are named as they are), and server paths. Short words Vietnamese also writes without marks
 * ("to", "an", "in") are left out so a commune's name never trips it.
 */
final class EnglishText {

    private static final Pattern WORDS = Pattern.compile("(?i)(?<![\\p{L}\\p{M}])(the|is|are|must|cannot|can't|already|"
            + "not|found|which|piece|pieces|revision|channel|publication|please|error|invalid|blank|null|should|"
            + "scheduled|created|moved|dispatcher|all-day|today|week|month|failed|unknown)(?![\\p{L}\\p{M}])");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}|\\d{2}:\\d{2}(:\\d{2})?Z\\b");
    private static final Pattern CODE = Pattern.compile("\\b(?!HERALD_)[A-Z]{2,}_[A-Z_]{2,}\\b");
    private static final Pattern SERVER_PATH = Pattern.compile("(\\./data/|/work/|/tmp/|/home/|No such file)");

    private EnglishText() {
    }

    /** Each finding with a little of the text around it, so a failure says where. */
    static List<String> in(String visibleText) {
        List<String> found = new ArrayList<>();
        for (Pattern pattern : List.of(WORDS, INSTANT, CODE, SERVER_PATH)) {
            Matcher matcher = pattern.matcher(visibleText);
            while (matcher.find()) {
                int from = Math.max(0, matcher.start() - 30);
                int to = Math.min(visibleText.length(), matcher.end() + 30);
                found.add("'" + matcher.group() + "' in \"" + visibleText.substring(from, to).replace('\n', ' ') + "\"");
            }
        }
        return found;
    }
}
