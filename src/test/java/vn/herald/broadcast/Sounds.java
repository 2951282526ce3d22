package vn.herald.broadcast;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Test audio: WAV files of a known length. */
public final class Sounds {

    private Sounds() {
    }

    /** A silent 8 kHz, 16-bit mono WAV of this many seconds. */
    public static byte[] wav(double seconds) {
        AudioFormat format = new AudioFormat(8000, 16, 1, true, false);
        int frames = (int) Math.round(8000 * seconds);
        byte[] samples = new byte[frames * 2];
        for (int i = 0; i < samples.length; i += 2) {
            samples[i] = (byte) (i % 7); // a faint noise, so two lengths never share bytes by accident
        }
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(samples), format, frames)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Vietnamese script of exactly this many syllables (read at 180 a minute: a third of a second each). */
    public static String syllables(int count) {
        String[] words = {"bà", "con", "thôn", "Đông", "nhớ", "đi", "tiêm", "chủng", "đúng", "hẹn"};
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(words[i % words.length]);
        }
        return text.append('.').toString();
    }
}
