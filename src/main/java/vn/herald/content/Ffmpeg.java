package vn.herald.content;

import jakarta.inject.Singleton;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's ffmpeg (making videos, converting audio). One place that finds the command, bounds its time and keeps
 * the end of its complaint for the log: ffmpeg's own words never reach a person.
 */
@Singleton
public class Ffmpeg {

    private static final int ERROR_TAIL = 2000;

    private final VideoConfig config;

    Ffmpeg(VideoConfig config) {
        this.config = config;
    }

    /** ffmpeg failed, timed out or is missing; the message is for the log. */
    public static class Failure extends Exception {
        public Failure(String message) {
            super(message);
        }
    }

    public boolean installed() {
        return onPath(config.ffmpeg()).isPresent();
    }

    /** Runs {@code ffmpeg -hide_banner -nostdin -y <arguments>}, waiting at most {@code limit}. */
    public void run(List<String> arguments, Duration limit) throws Failure {
        Path command = onPath(config.ffmpeg()).orElseThrow(() -> new Failure("ffmpeg is not installed (" + config.ffmpeg() + ")"));
        List<String> line = new ArrayList<>(List.of(command.toString(), "-hide_banner", "-nostdin", "-y", "-loglevel", "error"));
        line.addAll(arguments);
        Process process = null;
        Path errors = null;
        try {
            // its complaints go to a file, not a pipe: a full pipe would stall ffmpeg and the time limit could not act
            errors = Files.createTempFile("ffmpeg-", ".log");
            process = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(errors.toFile()).start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Failure("ffmpeg took longer than " + limit.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                String text = Files.readString(errors, StandardCharsets.UTF_8).strip();
                throw new Failure("ffmpeg exited with " + process.exitValue() + ": "
                        + text.substring(Math.max(0, text.length() - ERROR_TAIL)));
            }
        } catch (IOException e) {
            throw new Failure("ffmpeg could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while ffmpeg ran");
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
            if (errors != null) {
                try {
                    Files.deleteIfExists(errors);
                } catch (IOException ignored) {
                    // a left-over log in the temporary folder is harmless
                }
            }
        }
    }

    /** The command itself when it names a folder, else the first executable of that name on the PATH. */
    static Optional<Path> onPath(String name) {
        Path configured = Path.of(name);
        if (configured.getParent() != null) {
            return Files.isExecutable(configured) ? Optional.of(configured) : Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
