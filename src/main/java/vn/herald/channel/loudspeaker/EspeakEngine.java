package vn.herald.channel.loudspeaker;

import jakarta.inject.Singleton;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** eSpeak NG as a local process ({@code espeak-ng -v vi -w out.wav}), used when it is installed. */
@Singleton
public class EspeakEngine implements SpeechEngine {

    static final String COMMAND = "espeak-ng";

    @Override
    public LoudspeakerSettings.SpeechEngineKind kind() {
        return LoudspeakerSettings.SpeechEngineKind.ESPEAK_NG;
    }

    /** Where espeak-ng is on the PATH, if it is installed. */
    public static Optional<Path> installed() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, COMMAND);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    @Override
    public byte[] speak(String text, LoudspeakerSettings.Speech speech) throws SpeechException {
        Path command = installed().orElseThrow(() -> new SpeechException("chưa cài espeak-ng trên máy chủ"));
        Path out = null;
        Path errors = null;
        Process process = null;
        try {
            out = Files.createTempFile("herald-espeak-", ".wav");
            errors = Files.createTempFile("herald-espeak-", ".log");
            // the text goes through stdin: no length limit and no shell quoting of the script
            process = new ProcessBuilder(List.of(command.toString(), "-v", speech.voice(), "-w", out.toString(), "--stdin"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile())
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(speech.timeoutSeconds(), TimeUnit.SECONDS)) {
                throw new SpeechException("espeak-ng chạy quá " + speech.timeoutSeconds() + " giây");
            }
            if (process.exitValue() != 0) {
                String log = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new SpeechException("espeak-ng báo lỗi (mã " + process.exitValue() + "): "
                        + (log.length() > 300 ? log.substring(0, 300) : log));
            }
            byte[] audio = Files.readAllBytes(out);
            if (audio.length <= 44) {
                throw new SpeechException("espeak-ng không tạo ra âm thanh");
            }
            return audio;
        } catch (IOException e) {
            throw new SpeechException("không chạy được espeak-ng: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpeechException("việc tạo giọng đọc bị ngắt");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            deleteQuietly(out);
            deleteQuietly(errors);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temporary file is harmless
            }
        }
    }
}
