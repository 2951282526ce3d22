package vn.herald.content;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads an uploaded video with ffprobe and keeps only what every browser plays: MP4 with H.264 and AAC, or WebM with
 * VP8, VP9 or AV1 and Opus or Vorbis, within {@link VideoConfig}'s duration and resolution. The bytes decide, never
 * the file name; a file ffprobe cannot read is refused, and so is every video while ffprobe is missing.
 */
@Singleton
public class VideoProbe {

    private static final Set<String> MP4_VIDEO = Set.of("h264");
    private static final Set<String> MP4_AUDIO = Set.of("aac");
    private static final Set<String> WEBM_VIDEO = Set.of("vp8", "vp9", "av1");
    private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

    private final VideoConfig config;
    private final JsonMapper json;

    VideoProbe(VideoConfig config, JsonMapper json) {
        this.config = config;
        this.json = json;
    }

    /** What ffprobe found in an accepted video. */
    public record Facts(double seconds, int width, int height, String videoCodec, Optional<String> audioCodec) {}

    /** Whether ffprobe can be run here. */
    public boolean installed() {
        return command().isPresent();
    }

    private Optional<Path> command() {
        return Ffmpeg.onPath(config.ffprobe());
    }

    /** Checks the video {@code type} sniffed from its first bytes; refuses it with the reason a person can act on. */
    public Facts check(Path file, AssetType type, String originalName) {
        JsonNode probe = probe(file, originalName);
        String format = text(probe.get("format"), "format_name");
        boolean mp4 = type == AssetType.MP4 && format.contains("mp4");
        boolean webm = type == AssetType.WEBM && format.contains("webm");
        if (!mp4 && !webm) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
        }
        List<JsonNode> videos = new ArrayList<>();
        List<JsonNode> audios = new ArrayList<>();
        JsonNode streams = probe.get("streams");
        if (streams != null) {
            for (JsonNode stream : streams.values()) {
                String codecType = text(stream, "codec_type");
                if (codecType.equals("video") && !isPicture(stream)) {
                    videos.add(stream);
                } else if (codecType.equals("audio")) {
                    audios.add(stream);
                }
            }
        }
        if (videos.size() != 1 || audios.size() > 1) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_STREAMS, originalName, videos.size(), audios.size());
        }
        JsonNode video = videos.get(0);
        String videoCodec = text(video, "codec_name");
        Optional<String> audioCodec = audios.stream().map(a -> text(a, "codec_name")).findFirst();
        boolean videoFits = (mp4 ? MP4_VIDEO : WEBM_VIDEO).contains(videoCodec);
        boolean audioFits = audioCodec.map(c -> (mp4 ? MP4_AUDIO : WEBM_AUDIO).contains(c)).orElse(true);
        if (!videoFits || !audioFits) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_CODEC, originalName, mp4 ? "MP4" : "WebM",
                    videoCodec + audioCodec.map(c -> " + " + c).orElse(""));
        }
        int width = number(video, "width");
        int height = number(video, "height");
        if (width <= 0 || height <= 0) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
        }
        if (Math.max(width, height) > config.maxLongSide() || Math.min(width, height) > config.maxShortSide()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, RefusalCode.VIDEO_RESOLUTION, originalName, width, height,
                    config.maxLongSide(), config.maxShortSide());
        }
        double seconds = seconds(probe.get("format"));
        if (!(seconds > 0)) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
        }
        if (seconds > config.maxSeconds()) {
            throw new Refusal(Refusal.Kind.TOO_LARGE, RefusalCode.VIDEO_TOO_LONG, originalName,
                    Math.round(seconds), config.maxSeconds());
        }
        return new Facts(seconds, width, height, videoCodec, audioCodec);
    }

    /** An MP4's embedded cover art is listed as a one-frame video stream; it is not a second video. */
    private static boolean isPicture(JsonNode stream) {
        JsonNode disposition = stream.get("disposition");
        JsonNode attached = disposition == null ? null : disposition.get("attached_pic");
        return attached != null && attached.isNumber() && attached.getIntValue() == 1;
    }

    private JsonNode probe(Path file, String originalName) {
        Path command = command().orElseThrow(() -> new Refusal(Refusal.Kind.UNSUPPORTED_TYPE,
                RefusalCode.VIDEO_CHECK_UNAVAILABLE, originalName));
        Process process = null;
        try {
            process = new ProcessBuilder(List.of(command.toString(), "-v", "error", "-print_format", "json",
                    "-show_format", "-show_streams", file.toString()))
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out;
            try (InputStream stdout = process.getInputStream()) {
                out = stdout.readAllBytes();
            }
            if (!process.waitFor(config.probeSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
            }
            JsonNode tree = json.readValue(out, JsonNode.class);
            if (tree == null || tree.get("format") == null) {
                throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
            }
            return tree;
        } catch (IOException e) {
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(Refusal.Kind.UNSUPPORTED_TYPE, RefusalCode.VIDEO_UNREADABLE, originalName);
        } finally {
            if (process != null && process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? value.getStringValue().toLowerCase(Locale.ROOT) : "";
    }

    private static int number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isNumber() ? value.getIntValue() : 0;
    }

    private static double seconds(JsonNode format) {
        try {
            return Double.parseDouble(text(format, "duration"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
