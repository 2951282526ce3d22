package vn.herald;

import org.junit.jupiter.api.Assumptions;
import vn.herald.content.AssetRole;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Real video pieces for tests: a clip ffmpeg makes (a test pattern and a tone, H.264/AAC) with Vietnamese captions. */
public final class TestVideos {

    public static final String CAPTIONS = """
            WEBVTT

            00:00:00.000 --> 00:00:01.500
            Ngày Chuyển đổi số quốc gia 10/10

            00:00:01.500 --> 00:00:03.000
            Bà con cài đặt VNeID tại nhà văn hóa
            """;

    private TestVideos() {
    }

    /** Skips the test loudly without ffmpeg, except under CI=true, where .ci/run installs it and the test must run. */
    public static void needFfmpeg(String test) {
        need(test, "ffmpeg", "ffprobe");
    }

    /** Skips the test loudly without these commands, except under CI=true, where .ci/run installs them and the test must run. */
    public static void need(String test, String... commands) {
        List<String> missing = Arrays.stream(commands).filter(command -> !onPath(command)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(missing + " not installed, and under CI=true " + test + " must run (.ci/run installs them)");
        }
        String message = "SKIPPED " + test + ": " + missing + " not installed (apt-get install ffmpeg espeak-ng; they run under CI=true)";
        System.err.println("*** " + message);
        Assumptions.abort(message);
    }

    /** An MP4 (H.264, AAC) of this many seconds; {@code hue} makes clips of the same length differ. */
    public static byte[] mp4(int seconds, int hue) {
        try {
            Path out = Files.createTempFile("herald-test-video", ".mp4");
            List<String> command = List.of("ffmpeg", "-y", "-v", "error", "-f", "lavfi", "-i",
                    "testsrc=duration=" + seconds + ":size=320x180:rate=10", "-f", "lavfi", "-i", "sine=duration=" + seconds,
                    "-vf", "hue=h=" + hue, "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest",
                    "-movflags", "+faststart", out.toString());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream log = process.getInputStream()) {
                String text = new String(log.readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    fail("ffmpeg could not make a clip: " + text);
                }
            }
            byte[] bytes = Files.readAllBytes(out);
            Files.delete(out);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An approved VIDEO piece with its clip and Vietnamese captions, written by bien-tap and approved by duyet. */
    public static Piece approvedVideo(Pieces pieces, String title, String summary, int seconds, int hue) {
        return approvedVideo(pieces, title, summary, seconds, hue, List.of());
    }

    /** The same, tagged for these campaigns. */
    public static Piece approvedVideo(Pieces pieces, String title, String summary, int seconds, int hue,
                                      List<String> campaigns) {
        Piece piece = pieces.create(new PieceForm(PieceKind.VIDEO, null, title, summary, "<p>" + summary + "</p>", null,
                null, null, List.of("Chuyển đổi số"), null, campaigns, null, null, null), "bien-tap");
        pieces.attach(piece.id(), AssetRole.VIDEO, new ByteArrayInputStream(mp4(seconds, hue)), "video.mp4", null,
                "bien-tap");
        pieces.attach(piece.id(), AssetRole.CAPTIONS, new ByteArrayInputStream(CAPTIONS.getBytes(StandardCharsets.UTF_8)),
                "phu-de.vtt", null, "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        return pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }
}
