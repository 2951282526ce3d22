package vn.herald.content;

import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a WebVTT captions file before it is kept: UTF-8, the {@code WEBVTT} signature on the first line, at least one
 * cue, and every cue timing line parsing with its end after its start. A browser silently drops a broken track, so the
 * editor hears about it at upload instead.
 */
final class Captions {

    private static final String TIME = "(?:(\\d{2,}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
    private static final Pattern TIMING = Pattern.compile("^" + TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t].*)?$");

    private Captions() {
    }

    /** Whether the first bytes look like WebVTT at all (after an optional byte order mark). */
    static boolean looksLikeWebVtt(byte[] head) {
        int start = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
        byte[] signature = "WEBVTT".getBytes(StandardCharsets.US_ASCII);
        if (head.length < start + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (head[start + i] != signature[i]) {
                return false;
            }
        }
        int after = start + signature.length;
        return head.length == after || head[after] == ' ' || head[after] == '\t' || head[after] == '\n' || head[after] == '\r';
    }

    static void check(Path file, String originalName) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.CAPTIONS_NOT_UTF8, originalName);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        int cues = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("-->")) {
                continue;
            }
            Matcher timing = TIMING.matcher(line.strip());
            if (!timing.matches() || millis(timing, 1) >= millis(timing, 5)) {
                throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.CAPTIONS_TIMING, originalName, i + 1);
            }
            cues++;
        }
        if (cues == 0) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.CAPTIONS_EMPTY, originalName);
        }
    }

    private static long millis(Matcher m, int group) {
        long hours = m.group(group) == null ? 0 : Long.parseLong(m.group(group));
        return ((hours * 60 + Long.parseLong(m.group(group + 1))) * 60 + Long.parseLong(m.group(group + 2))) * 1000
                + Long.parseLong(m.group(group + 3));
    }
}
