package vn.herald.channel.facebook;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The text of a post: parts apart by a blank line, trimmed to the Page's limit at a paragraph boundary. */
final class PostText {

    static final String CUT = "…";
    private static final String PARAGRAPH = "\n\n";

    private PostText() {
    }

    /** Non-blank parts, each stripped, apart by a blank line. */
    static String join(String... parts) {
        List<String> kept = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                kept.add(part.strip());
            }
        }
        return Normalizer.normalize(String.join(PARAGRAPH, kept), Normalizer.Form.NFC);
    }

    /**
     * At most {@code limit} characters. Whole paragraphs are kept while they fit, then a paragraph with only "…"
     * says there is more; a first paragraph longer than the limit is cut at a space.
     */
    static String fit(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        StringBuilder kept = new StringBuilder();
        for (String paragraph : text.split("\n{2,}")) {
            int grown = kept.length() + (kept.isEmpty() ? 0 : PARAGRAPH.length()) + paragraph.length();
            if (grown + PARAGRAPH.length() + CUT.length() > limit) {
                break;
            }
            if (!kept.isEmpty()) {
                kept.append(PARAGRAPH);
            }
            kept.append(paragraph);
        }
        if (!kept.isEmpty()) {
            return kept + PARAGRAPH + CUT;
        }
        String head = text.substring(0, limit - CUT.length());
        int space = Math.max(head.lastIndexOf(' '), head.lastIndexOf('\n'));
        // a single word longer than the limit is cut where it must be
        return (space > 0 ? head.substring(0, space) : head).stripTrailing() + CUT;
    }

    /** The text with a trailer (e.g. the portal address) that always survives trimming. */
    static String fitWithTrailer(String text, String trailer, int limit) {
        if (trailer.isEmpty()) {
            return fit(text, limit);
        }
        int room = limit - PARAGRAPH.length() - trailer.length();
        if (room <= CUT.length()) {
            return fit(text, limit);
        }
        return text.isEmpty() ? trailer : fit(text, room) + PARAGRAPH + trailer;
    }

    /** For comparing with what the Page shows: Facebook may tidy spaces and line ends. */
    static String comparable(String text) {
        return Normalizer.normalize(Objects.requireNonNullElse(text, ""), Normalizer.Form.NFC)
                .replaceAll("\\s+", " ").strip();
    }

    /** One line for people: the first words of the post. */
    static String summary(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 199) + CUT : line;
    }
}
