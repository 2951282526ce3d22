package vn.herald.content;

import java.time.Duration;

/** How long a text takes to read aloud, counted in Vietnamese syllables. */
public final class ReadTime {

    private ReadTime() {
    }

    /**
     * Vietnamese is written one syllable per space-separated word, so syllables are the
     * tokens holding at least one letter or digit; a number counts as one.
     */
    public static int syllables(String text) {
        if (text == null) {
            return 0;
        }
        int count = 0;
        boolean inToken = false;
        boolean tokenCounts = false;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                if (inToken && tokenCounts) {
                    count++;
                }
                inToken = false;
                tokenCounts = false;
            } else {
                inToken = true;
                tokenCounts |= Character.isLetterOrDigit(codePoint);
            }
        }
        return inToken && tokenCounts ? count + 1 : count;
    }

    /** Reading time rounded up to whole seconds. */
    public static Duration estimate(String text, int syllablesPerMinute) {
        if (syllablesPerMinute < 1) {
            throw new IllegalArgumentException(
                    "syllablesPerMinute must be at least 1, found " + syllablesPerMinute);
        }
        long syllables = syllables(text);
        long seconds = (syllables * 60 + syllablesPerMinute - 1) / syllablesPerMinute;
        return Duration.ofSeconds(seconds);
    }
}
