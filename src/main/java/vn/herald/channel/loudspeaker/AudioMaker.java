package vn.herald.channel.loudspeaker;

import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.herald.support.Folders;
import vn.herald.content.Asset;
import vn.herald.content.AssetType;
import vn.herald.content.Assets;
import vn.herald.content.LibraryFiles;
import vn.herald.content.MediaCheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The sound of an item: the piece's own recording when it has one, else speech from the channel's engine (kept in
 * a cache by text, engine and voice, so a rebuilt session does not speak everything again), else a script to read
 * live with its estimated read time.
 */
@Singleton
public class AudioMaker {

    private static final Logger LOG = LoggerFactory.getLogger(AudioMaker.class);

    private final Assets assets;
    private final MediaCheck mediaCheck;
    private final List<SpeechEngine> engines;
    private final Path cache;

    AudioMaker(Assets assets, MediaCheck mediaCheck, List<SpeechEngine> engines, Folders folders) {
        this.assets = assets;
        this.mediaCheck = mediaCheck;
        this.engines = List.copyOf(engines);
        this.cache = folders.dataDir().resolve("speech-cache");
    }

    public Sound soundOf(ScriptPayload script, LoudspeakerSettings.Speech speech) {
        Duration estimate = Duration.ofSeconds(script.readSeconds());
        if (script.audioSha256() != null) {
            Optional<Asset> recording = assets.findBySha256(script.audioSha256());
            if (recording.isPresent() && Files.isRegularFile(assets.fileOf(recording.get()))) {
                Path file = assets.fileOf(recording.get());
                try {
                    return new Sound.Audio(file, extensionOf(recording.get().mediaType()), recording.get().mediaType(),
                            AudioDurations.measure(file, recording.get().mediaType()), recording.get().sha256(), "recording");
                } catch (IOException e) {
                    LOG.warn("Recording {} of piece {} cannot be measured: {}", script.audioSha256(), script.pieceId(), e.getMessage());
                }
            }
            // a lost or unreadable recording falls back to speech, like a piece without one
        }
        if (speech.engine() == LoudspeakerSettings.SpeechEngineKind.NONE) {
            return new Sound.ReadLive(estimate, "kênh không dùng giọng đọc tự động");
        }
        if (script.text() == null || script.text().isBlank()) {
            return new Sound.ReadLive(estimate, "bài không có nội dung để đọc");
        }
        try {
            return spoken(script.text(), speech);
        } catch (SpeechException e) {
            return new Sound.ReadLive(estimate, e.getMessage());
        }
    }

    private Sound.Audio spoken(String text, LoudspeakerSettings.Speech speech) throws SpeechException {
        SpeechEngine engine = engines.stream().filter(e -> e.kind() == speech.engine()).findFirst()
                .orElseThrow(() -> new SpeechException("không có bộ đọc " + speech.engine()));
        String key = LibraryFiles.sha256((speech.engine() + "\n" + speech.voice() + "\n" + speech.url().map(Object::toString).orElse("")
                + "\n" + text).getBytes(StandardCharsets.UTF_8));
        String source = speech.engine() == LoudspeakerSettings.SpeechEngineKind.HTTP ? "http-tts" : "espeak-ng";
        try {
            for (AssetType type : List.of(AssetType.WAV, AssetType.MP3, AssetType.OGG)) {
                Path cached = cache.resolve(key + "." + extensionOf(type.mediaType()));
                if (Files.isRegularFile(cached)) {
                    return new Sound.Audio(cached, extensionOf(type.mediaType()), type.mediaType(),
                            AudioDurations.measure(cached, type.mediaType()), LibraryFiles.sha256(Files.readAllBytes(cached)), source);
                }
            }
            byte[] audio = engine.speak(text, speech);
            AssetType type = mediaCheck.detect(Arrays.copyOf(audio, Math.min(audio.length, 8192)))
                    .filter(t -> t.mediaType().startsWith("audio/"))
                    .orElseThrow(() -> new SpeechException("bộ đọc trả về dữ liệu không phải âm thanh WAV, MP3 hay OGG"));
            Files.createDirectories(cache);
            Path target = cache.resolve(key + "." + extensionOf(type.mediaType()));
            Path temp = Files.createTempFile(cache, key, ".part");
            Files.write(temp, audio);
            Duration duration;
            try {
                duration = AudioDurations.measure(temp, type.mediaType());
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                LOG.warn("Speech audio in {} cannot be measured: {}", temp, e.toString());
                throw new SpeechException("âm thanh của bộ đọc không đo được");
            }
            // a temporary file is 0600; spoken audio goes to the playout user as it is
            PlayoutPermissions.file(temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return new Sound.Audio(target, extensionOf(type.mediaType()), type.mediaType(), duration, LibraryFiles.sha256(audio), source);
        } catch (IOException e) {
            // the path and Java's words go to the log; the item's warning is read by editors
            LOG.warn("Speech audio cannot be stored in {}: {}", cache, e.toString());
            throw new SpeechException("không lưu được âm thanh giọng đọc vào bộ nhớ đệm của máy chủ");
        }
    }

    static String extensionOf(String mediaType) {
        return switch (mediaType.toLowerCase(Locale.ROOT)) {
            case "audio/mpeg" -> "mp3";
            case "audio/ogg" -> "ogg";
            default -> "wav";
        };
    }
}
