package vn.herald.channel.video;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.loudspeaker.AudioMaker;
import vn.herald.channel.loudspeaker.LoudspeakerSettings;
import vn.herald.channel.loudspeaker.ScriptPayload;
import vn.herald.channel.loudspeaker.Sound;
import vn.herald.content.Asset;
import vn.herald.content.AssetKind;
import vn.herald.content.AssetType;
import vn.herald.content.Assets;
import vn.herald.content.Ffmpeg;
import vn.herald.content.MediaLibrary;
import vn.herald.content.Piece;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.content.VideoConfig;
import vn.herald.content.VideoProbe;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Makes a short MP4 (H.264 and AAC, yuv420p, moov first) from a piece that is not a video: a title card with the
 * unit's name and the piece's title, then the piece's pictures (cover, infographic, figures in its text) sharing the
 * length of its sound, the sound being its recording or else the loudspeakers' espeak-ng speech of its text, and
 * Vietnamese captions of its text both burned into the picture and kept as a WebVTT file. One ffmpeg run per shape.
 */
@Singleton
public class VideoMaker {

    private static final Logger LOG = LoggerFactory.getLogger(VideoMaker.class);
    private static final Pattern FIGURE = Pattern.compile("/assets/([0-9a-f]{64})");
    private static final String CARD_COLOUR = "0x0b3d91";
    private static final String PAD_COLOUR = "0x10151c";

    /** What one making produced: the stored video and captions (none when the piece has no text), and its length. */
    public record Made(Asset video, @Nullable Asset captions, double seconds) {}

    /** The making gave up; {@code code} is the stable reason kept with the video and told in Vietnamese on the page. */
    public static class Failure extends Exception {
        private final String code;

        Failure(String code, String detail) {
            super(code + ": " + detail);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** What a piece says: the text read and captioned, and its recording if it has one. */
    record Said(String text, @Nullable Asset recording) {
        boolean nothing() {
            return text.isBlank() && recording == null;
        }
    }

    private final VideoMakingConfig config;
    private final VideoConfig videoConfig;
    private final Ffmpeg ffmpeg;
    private final VideoProbe probe;
    private final Pieces pieces;
    private final Assets assets;
    private final MediaLibrary media;
    private final AudioMaker audio;
    private final Units units;

    VideoMaker(VideoMakingConfig config, VideoConfig videoConfig, Ffmpeg ffmpeg, VideoProbe probe, Pieces pieces,
               Assets assets, MediaLibrary media, AudioMaker audio, Units units) {
        this.config = config;
        this.videoConfig = videoConfig;
        this.ffmpeg = ffmpeg;
        this.probe = probe;
        this.pieces = pieces;
        this.assets = assets;
        this.media = media;
        this.audio = audio;
        this.units = units;
    }

    /**
     * Refuses, before anything is queued, a piece no video can be made from, or a server that cannot make one: the
     * editor learns it at the click, not minutes later.
     */
    void checkMakeable(Piece piece) {
        if (piece.kind() == PieceKind.VIDEO) {
            throw Refusal.conflict(RefusalCode.VIDEO_MAKING_VIDEO_PIECE, piece.id());
        }
        if (!ffmpeg.installed() || !probe.installed()) {
            throw Refusal.conflict(RefusalCode.VIDEO_MAKING_UNAVAILABLE);
        }
        if (!Files.isReadable(Path.of(config.fontFile()))) {
            throw Refusal.conflict(RefusalCode.VIDEO_MAKING_NO_FONT);
        }
        if (said(piece).nothing()) {
            throw Refusal.conflict(RefusalCode.VIDEO_MAKING_NOTHING_TO_SAY, piece.id());
        }
    }

    Said said(Piece piece) {
        String text = pieces.plainText(piece).strip();
        if (text.isEmpty() && piece.summary() != null) {
            text = piece.summary().strip();
        }
        Asset recording = piece.audioAssetId() == null ? null : assets.find(piece.audioAssetId())
                .filter(asset -> Files.isRegularFile(assets.fileOf(asset))).orElse(null);
        return new Said(text, recording);
    }

    /** Makes the piece's video in one shape and stores it (checked by ffprobe like any upload). */
    public Made make(Piece piece, VideoShape shape) throws Failure {
        Said said = said(piece);
        if (said.nothing()) {
            throw new Failure("nothing-to-say", "piece " + piece.id() + " has no text and no recording");
        }
        Sound sound = audio.soundOf(new ScriptPayload(piece.id(), piece.title(), said.text(),
                said.recording() == null ? null : said.recording().sha256(), 0), speech());
        if (!(sound instanceof Sound.Audio spoken)) {
            throw new Failure("no-sound", ((Sound.ReadLive) sound).reason());
        }
        double title = config.titleCard().toMillis() / 1000.0;
        double length = spoken.duration().toMillis() / 1000.0;
        double total = title + length;
        if (total > videoConfig.maxSeconds()) {
            throw new Failure("too-long", Math.round(total) + " s for at most " + videoConfig.maxSeconds());
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("herald-video-");
            List<CaptionCues.Cue> cues = said.text().isBlank() ? List.of() : CaptionCues.timed(said.text(), title, length);
            Path output = work.resolve("video.mp4");
            ffmpeg.run(arguments(piece, shape, pictures(piece), spoken.file(), cues, title, length, total, work, output),
                    config.timeLimit());
            String name = piece.slug() + "-" + shape.name().toLowerCase(Locale.ROOT);
            Asset video = stored(output, name + ".mp4", piece.unitCode());
            Asset captions = null;
            if (!cues.isEmpty()) {
                Path vtt = work.resolve("captions.vtt");
                Files.writeString(vtt, CaptionCues.webVtt(cues), StandardCharsets.UTF_8);
                captions = stored(vtt, name + ".vtt", piece.unitCode());
            }
            double seconds = probe.check(assets.fileOf(video), AssetType.MP4, video.originalName()).seconds();
            return new Made(video, captions, seconds);
        } catch (Ffmpeg.Failure e) {
            LOG.warn("video of piece {} ({}) not made: {}", piece.id(), shape, e.getMessage());
            throw new Failure(e.getMessage().contains("took longer") ? "timeout" : "ffmpeg-failed", e.getMessage());
        } catch (IOException e) {
            LOG.warn("video of piece {} ({}) not made: {}", piece.id(), shape, e.toString());
            throw new Failure("io-failed", e.toString());
        } finally {
            deleteQuietly(work);
        }
    }

    private LoudspeakerSettings.Speech speech() {
        return new LoudspeakerSettings.Speech(LoudspeakerSettings.SpeechEngineKind.ESPEAK_NG, config.voice(),
                Optional.empty(), Optional.empty(), config.speechSeconds());
    }

    /** The piece's pictures in order: its cover, its infographic, then the figures its text shows; each once. */
    private List<Path> pictures(Piece piece) {
        Set<Asset> found = new LinkedHashSet<>();
        for (Long id : new Long[] {piece.coverAssetId(), piece.imageAssetId()}) {
            if (id != null) {
                assets.find(id).ifPresent(found::add);
            }
        }
        if (piece.body() != null) {
            Matcher figure = FIGURE.matcher(piece.body());
            while (figure.find()) {
                assets.findBySha256(figure.group(1)).ifPresent(found::add);
            }
        }
        return found.stream().filter(asset -> asset.kind() == AssetKind.IMAGE).map(assets::fileOf)
                .filter(Files::isRegularFile).toList();
    }

    private List<String> arguments(Piece piece, VideoShape shape, List<Path> pictures, Path sound,
                                   List<CaptionCues.Cue> cues, double title, double length, double total, Path work,
                                   Path output) throws IOException {
        int w = shape.width();
        int h = shape.height();
        int fps = config.framesPerSecond();
        int small = Math.min(w, h);
        List<String> args = new ArrayList<>();
        // a piece without pictures keeps its title card for the whole length
        double card = pictures.isEmpty() ? total : title;
        args.addAll(List.of("-f", "lavfi", "-i", "color=c=" + CARD_COLOUR + ":s=" + w + "x" + h + ":r=" + fps + ":d=1"));
        double share = pictures.isEmpty() ? 0 : length / pictures.size();
        for (Path picture : pictures) {
            args.addAll(List.of("-i", picture.toString()));
        }
        int soundInput = 1 + pictures.size();
        args.addAll(List.of("-i", sound.toString()));

        StringBuilder graph = new StringBuilder();
        String unitName = units.find(piece.unitCode()).map(Unit::name).orElse(piece.unitCode());
        int unitSize = small / 18;
        int titleSize = small / 14;
        graph.append("[0:v]trim=end_frame=1,")
                .append(text(work, "unit", CaptionCues.wrapped(unitName, width(w, unitSize)), unitSize, "(h*0.30)-text_h/2", null))
                .append(',')
                .append(text(work, "title", CaptionCues.wrapped(piece.title(), width(w, titleSize)), titleSize,
                        "(h*0.52)-text_h/2", null))
                .append(",setsar=1,format=yuv420p,").append(held(card, fps)).append("[c0];\n");
        for (int i = 0; i < pictures.size(); i++) {
            graph.append('[').append(i + 1).append(":v]scale=").append(w).append(':').append(h)
                    .append(":force_original_aspect_ratio=decrease,pad=").append(w).append(':').append(h)
                    .append(":(ow-iw)/2:(oh-ih)/2:color=").append(PAD_COLOUR).append(",setsar=1,format=yuv420p,")
                    .append(held(share, fps)).append("[c").append(i + 1).append("];\n");
        }
        for (int i = 0; i <= pictures.size(); i++) {
            graph.append("[c").append(i).append(']');
        }
        graph.append("concat=n=").append(pictures.size() + 1).append(":v=1:a=0[base];\n[base]");
        int captionSize = small / 20;
        // upright videos keep their captions above the buttons phone apps draw over the bottom fifth
        String captionY = (shape == VideoShape.VERTICAL ? "(h*0.76)" : "(h*0.88)") + "-text_h/2";
        if (cues.isEmpty()) {
            graph.append("null");
        }
        for (int i = 0; i < cues.size(); i++) {
            CaptionCues.Cue cue = cues.get(i);
            graph.append(i == 0 ? "" : ",").append(text(work, "cue-" + i, CaptionCues.wrapped(cue.text(),
                    width(w, captionSize)), captionSize, captionY, cue));
        }
        graph.append("[out];\n[").append(soundInput).append(":a]aresample=48000,adelay=delays=")
                .append(Math.round(title * 1000)).append(":all=1[aud]");
        Path script = work.resolve("graph.txt");
        Files.writeString(script, graph.toString(), StandardCharsets.UTF_8);

        args.addAll(List.of("-filter_complex_script", script.toString(), "-map", "[out]", "-map", "[aud]",
                "-c:v", "libx264", "-preset", config.preset(), "-tune", "stillimage", "-crf", Integer.toString(config.quality()),
                "-pix_fmt", "yuv420p", "-r", Integer.toString(fps),
                "-c:a", "aac", "-b:a", "128k", "-ar", "48000",
                "-t", seconds(total), "-movflags", "+faststart", output.toString()));
        return args;
    }

    /**
     * One still frame held for {@code seconds}: scaled and drawn once, then repeated, which halves ffmpeg's work
     * against scaling a looped picture again for every frame.
     */
    private static String held(double seconds, int fps) {
        long frames = Math.max(1, Math.round(seconds * fps));
        return "loop=loop=" + (frames - 1) + ":size=1:start=0,setpts=N/(" + fps + "*TB)";
    }

    /** One drawtext filter reading its words from a file (no escaping of the text, no % expansion), centred. */
    private String text(Path work, String name, String words, int size, String y, @Nullable CaptionCues.Cue cue)
            throws IOException {
        Path file = work.resolve(name + ".txt");
        Files.writeString(file, words, StandardCharsets.UTF_8);
        StringBuilder filter = new StringBuilder("drawtext=fontfile=").append(quoted(config.fontFile()))
                .append(":textfile=").append(quoted(file.toString()))
                .append(":expansion=none:fontcolor=white:fontsize=").append(size)
                .append(":line_spacing=").append(size / 4)
                .append(":x=(w-text_w)/2:y=").append(y);
        if (cue != null) {
            filter.append(":box=1:boxcolor=black@0.6:boxborderw=").append(size / 3)
                    .append(":enable='between(t,").append(seconds(cue.start())).append(',').append(seconds(cue.end()))
                    .append(")'");
        }
        return filter.toString();
    }

    /** How many characters fit on a line at this size: DejaVu Sans averages just over half an em per character. */
    private static int width(int frameWidth, int fontSize) {
        return Math.max(8, (int) (frameWidth * 0.86 / (fontSize * 0.56)));
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** A value quoted for an ffmpeg filter graph: inside single quotes nothing is special but the quote itself. */
    private static String quoted(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private Asset stored(Path file, String name, String unitCode) throws Failure {
        try (InputStream in = Files.newInputStream(file)) {
            Asset asset = assets.store(in, name);
            // kept in the unit's library, so its editors' pages play it from /media/files like any file of theirs
            media.keepMade(unitCode, asset);
            return asset;
        } catch (Refusal refused) {
            throw new Failure(refused.code().equals("video-too-long") ? "too-long" : "check-failed", refused.getMessage());
        } catch (IOException e) {
            throw new Failure("io-failed", e.toString());
        }
    }

    private static void deleteQuietly(@Nullable Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a leftover file in the temporary folder is harmless
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
