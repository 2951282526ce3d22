package vn.herald.channel.video;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A piece's text cut into caption cues and timed over its sound: sentences, each cut at word boundaries into cues of
 * at most {@link #MAX_CHARS} characters, each shown for a share of the sound's length in proportion to its length,
 * which follows speech closely enough for a viewer without sound. The same cues become the WebVTT track and the
 * captions burned into the picture, so both say and time the same thing.
 */
final class CaptionCues {

    /** At most this many characters on screen at once: two or three lines a viewer reads in a few seconds. */
    static final int MAX_CHARS = 90;

    record Cue(double start, double end, String text) {}

    private CaptionCues() {
    }

    /** The cues of {@code text}, spread over {@code seconds} of sound that starts {@code offset} seconds in. */
    static List<Cue> timed(String text, double offset, double seconds) {
        List<String> parts = parts(text);
        long total = parts.stream().mapToLong(String::length).sum();
        List<Cue> cues = new ArrayList<>();
        long before = 0;
        for (String part : parts) {
            double start = offset + seconds * before / total;
            before += part.length();
            double end = offset + seconds * before / total;
            cues.add(new Cue(start, end, part));
        }
        return cues;
    }

    /** The text's sentences, each cut into pieces short enough for the screen; blank text has none. */
    static List<String> parts(String text) {
        String clean = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC);
        List<String> parts = new ArrayList<>();
        for (String sentence : clean.split("(?<=[.!?…])\\s+|\\s*\\n\\s*")) {
            String words = sentence.replaceAll("\\s+", " ").strip();
            if (words.isEmpty()) {
                continue;
            }
            StringBuilder cue = new StringBuilder();
            for (String word : words.split(" ")) {
                if (cue.length() > 0 && cue.length() + 1 + word.length() > MAX_CHARS) {
                    parts.add(cue.toString());
                    cue.setLength(0);
                }
                cue.append(cue.length() == 0 ? "" : " ").append(word);
            }
            parts.add(cue.toString());
        }
        return parts;
    }

    /** The text broken into lines of at most {@code width} characters at word boundaries (a longer word stays whole). */
    static String wrapped(String text, int width) {
        StringBuilder lines = new StringBuilder();
        int line = 0;
        for (String word : text.strip().split("\\s+")) {
            if (line > 0 && line + 1 + word.length() > width) {
                lines.append('\n');
                line = 0;
            } else if (line > 0) {
                lines.append(' ');
                line++;
            }
            lines.append(word);
            line += word.length();
        }
        return lines.toString();
    }

    /** The cues as a WebVTT file. */
    static String webVtt(List<Cue> cues) {
        StringBuilder vtt = new StringBuilder("WEBVTT\n");
        for (Cue cue : cues) {
            // "-->" inside a cue would end its text early for a player; an arrow reads the same
            vtt.append('\n').append(time(cue.start())).append(" --> ").append(time(cue.end())).append('\n')
                    .append(cue.text().replace("-->", "→")).append('\n');
        }
        return vtt.toString();
    }

    static String time(double seconds) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, millis % 1000);
    }
}
