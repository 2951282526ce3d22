package vn.herald.content;

/**
 * The one rule for control characters, called at every entry (API, pages, content files, upstream feeds, channel
 * files) and again by every output that must stay well-formed whatever is stored (feeds, iCalendar, CSV, DOCX, pages).
 * Characters are removed, never refused: a feed item or a file with a stray NUL still imports, without the NUL.
 * <ul>
 *   <li>a one-line field (title, slug, topic, alt text, caption, summary, name) keeps no control character at all:
 *   tab and line breaks become a space, the rest (C0, DEL, C1) is removed;</li>
 *   <li>a text (article body, radio script) keeps tab and newline; CR and CRLF become newline;</li>
 *   <li>both drop what no XML 1.0 document may hold: lone surrogate halves and U+FFFE, U+FFFF.</li>
 * </ul>
 */
public final class CleanText {

    private CleanText() {}

    /** A one-line field: no control character survives. */
    public static String line(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                continue;
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                out.append(' ');
            } else if (keeps(text, i)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A text of several lines: tab and newline stay, line ends become newline, every other control goes. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String unix = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(unix.length());
        for (int i = 0; i < unix.length(); i++) {
            char c = unix.charAt(i);
            if (c == '\t' || c == '\n' || keeps(unix, i)) {
                out.append(c);
            }
        }
        return out.length() == unix.length() ? unix : out.toString();
    }

    private static boolean keeps(String text, int i) {
        char c = text.charAt(i);
        if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
        }
        return true;
    }
}
