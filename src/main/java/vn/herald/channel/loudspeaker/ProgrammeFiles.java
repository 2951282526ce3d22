package vn.herald.channel.loudspeaker;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.content.LibraryFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a station receives for one programme: an extended M3U playlist ({@code playlist.m3u8}, UTF-8), a JSON manifest
 * with priorities, durations and SHA-256 checksums, the audio files, and the scripts of items read live. File names
 * depend only on the position and the publication, so a rebuilt session replaces its files, never adds to them.
 */
public record ProgrammeFiles(List<OutFile> files, Manifest manifest) {

    public static final String PLAYLIST = "playlist.m3u8";
    public static final String MANIFEST = "manifest.json";
    static final String READ_LIVE = "ĐỌC TRỰC TIẾP";

    /** One file of the programme: its bytes, or the file to copy them from. */
    public record OutFile(String name, String mediaType, @Nullable Path source, byte @Nullable [] bytes) {}

    @Serdeable
    public record Manifest(String channel, String channelName, String station, String stationName, String session,
                           boolean emergency, Instant start, @Nullable Instant end, @Nullable Long lengthSeconds,
                           double totalSeconds, @Nullable Double freeSeconds, Instant builtAt, List<ManifestItem> items) {}

    /** {@code mode} is {@code audio} or {@code read-live}; {@code file} is the audio, or the script to read live. */
    @Serdeable
    public record ManifestItem(int position, long publicationId, long pieceId, String title, Priority priority,
                               String mode, double durationSeconds, String file, String mediaType, String sha256,
                               String source, @Nullable String note) {}

    public static ProgrammeFiles of(Programme programme, LoudspeakerSettings.Station station, Instant builtAt,
                                    JsonMapper json) {
        List<OutFile> files = new ArrayList<>();
        List<ManifestItem> items = new ArrayList<>();
        StringBuilder m3u = new StringBuilder("#EXTM3U\n#PLAYLIST:")
                .append(oneLine(programme.channelName() + " - " + station.name() + " - " + programme.id())).append('\n');
        int position = 0;
        for (Programme.Item item : programme.items()) {
            position++;
            String base = "%02d-p%d".formatted(position, item.publicationId());
            String title = oneLine(item.title());
            long seconds = Math.round(item.sound().duration().toMillis() / 1000.0);
            if (item.sound() instanceof Sound.Audio audio) {
                String name = base + "." + audio.extension();
                files.add(new OutFile(name, audio.mediaType(), audio.file(), null));
                m3u.append("#EXTINF:").append(seconds).append(',').append(title).append('\n').append(name).append('\n');
                items.add(new ManifestItem(position, item.publicationId(), item.pieceId(), item.title(), item.priority(),
                        "audio", secondsOf(item.sound().duration()), name, audio.mediaType(), audio.sha256(),
                        audio.source(), null));
            } else {
                Sound.ReadLive live = (Sound.ReadLive) item.sound();
                String name = base + ".txt";
                byte[] script = (item.title() + "\n\n" + item.script().strip() + "\n").getBytes(StandardCharsets.UTF_8);
                files.add(new OutFile(name, "text/plain; charset=utf-8", null, script));
                // a comment, not an entry: a player must not try to play the script
                m3u.append("# ").append(READ_LIVE).append(" (khoảng ").append(seconds).append(" giây): ").append(title)
                        .append(" - kịch bản: ").append(name).append('\n');
                items.add(new ManifestItem(position, item.publicationId(), item.pieceId(), item.title(), item.priority(),
                        "read-live", secondsOf(item.sound().duration()), name, "text/plain", LibraryFiles.sha256(script),
                        "script", READ_LIVE.toLowerCase() + ": " + live.reason()));
            }
        }
        Manifest manifest = new Manifest(programme.channelId(), programme.channelName(), station.code(), station.name(),
                programme.id(), programme.emergency(), programme.start(), programme.end(),
                programme.length() == null ? null : programme.length().toSeconds(), secondsOf(programme.total()),
                programme.length() == null ? null : secondsOf(programme.free()), builtAt, List.copyOf(items));
        try {
            files.add(new OutFile(MANIFEST, "application/json", null, json.writeValueAsBytes(manifest)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.add(new OutFile(PLAYLIST, "audio/x-mpegurl", null, m3u.toString().getBytes(StandardCharsets.UTF_8)));
        return new ProgrammeFiles(List.copyOf(files), manifest);
    }

    private static double secondsOf(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
