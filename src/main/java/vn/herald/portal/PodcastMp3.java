package vn.herald.portal;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.channel.loudspeaker.AudioDurations;
import vn.herald.channel.loudspeaker.Sound;
import vn.herald.content.AssetType;
import vn.herald.content.Ffmpeg;
import vn.herald.content.LibraryFiles;
import vn.herald.support.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Made speech as a podcast episode: espeak-ng's WAV is about 20 times the size of a 64 kb/s MP3 and Apple's directory
 * does not list WAV, so the podcast serves the speech as mono MP3 (ffmpeg, libmp3lame). Each WAV is converted once and
 * the MP3 kept beside the speech cache, named by the WAV's hash; a recording is served as it was uploaded. Without
 * ffmpeg, or if it fails, the episode keeps its WAV and the reason is logged.
 */
@Singleton
class PodcastMp3 {

    private static final Logger LOG = LoggerFactory.getLogger(PodcastMp3.class);
    private static final Duration LIMIT = Duration.ofMinutes(2);
    private static final String MP3 = AssetType.MP3.mediaType();

    private final Ffmpeg ffmpeg;
    private final Path folder;
    /** The MP3 of each WAV hash, so a feed does not read and hash every file at each request. */
    private final Map<String, Sound.Audio> made = new ConcurrentHashMap<>();

    PodcastMp3(Ffmpeg ffmpeg, Folders folders) {
        this.ffmpeg = ffmpeg;
        this.folder = folders.dataDir().resolve("podcast-mp3");
    }

    /** The sound as the podcast serves it: spoken WAV as MP3, anything else as it is. */
    Sound.Audio served(Sound.Audio audio) {
        if ("recording".equals(audio.source()) || !AssetType.WAV.mediaType().equals(audio.mediaType())) {
            return audio;
        }
        Sound.Audio known = made.get(audio.sha256());
        if (known != null && Files.isRegularFile(known.file())) {
            return known;
        }
        try {
            Sound.Audio mp3 = convert(audio);
            made.put(audio.sha256(), mp3);
            return mp3;
        } catch (IOException | Ffmpeg.Failure e) {
            LOG.warn("speech {} stays WAV in the podcast, the MP3 could not be made: {}", audio.sha256(), e.getMessage());
            return audio;
        }
    }

    private Sound.Audio convert(Sound.Audio wav) throws IOException, Ffmpeg.Failure {
        Path target = folder.resolve(wav.sha256() + ".mp3");
        if (!Files.isRegularFile(target)) {
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, wav.sha256(), ".part.mp3");
            try {
                // bit-exact and without tags: the same WAV always gives the same bytes, so the same address
                ffmpeg.run(List.of("-i", wav.file().toString(), "-map_metadata", "-1", "-fflags", "+bitexact",
                        "-flags:a", "+bitexact", "-ac", "1", "-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3",
                        temp.toString()), LIMIT);
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        return new Sound.Audio(target, "mp3", MP3, AudioDurations.measure(target, MP3),
                LibraryFiles.sha256(Files.readAllBytes(target)), wav.source());
    }
}
