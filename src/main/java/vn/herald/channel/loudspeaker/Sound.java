package vn.herald.channel.loudspeaker;

import java.nio.file.Path;
import java.time.Duration;

/** The sound of one item: a measured audio file, or a script an announcer reads live. */
public sealed interface Sound permits Sound.Audio, Sound.ReadLive {

    Duration duration();

    /**
     * An audio file and its length measured from the file itself.
     *
     * @param source where it came from: {@code recording}, {@code espeak-ng} or {@code http-tts}
     */
    record Audio(Path file, String extension, String mediaType, Duration duration, String sha256, String source)
            implements Sound {}

    /** No audio could be made: an announcer reads the script; {@code duration} is the estimated read time. */
    record ReadLive(Duration duration, String reason) implements Sound {}
}
