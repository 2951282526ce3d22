package vn.herald.support;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;

/** The data folder (database, assets, loudspeaker drops) and the two library folders of the repository. */
@ConfigurationProperties("herald")
public record Folders(@NotNull Path dataDir, @NotNull Path contentDir, @NotNull Path channelsDir) {

    /**
     * Absolute from the start: a relative folder ("./data") is read by the JVM against its own directory, while a
     * program Herald starts (ffprobe, ffmpeg, espeak-ng) reads the same words against its working directory, and the
     * two differ under a launcher such as {@code mvn mn:run}.
     */
    public Folders {
        dataDir = dataDir == null ? null : dataDir.toAbsolutePath().normalize();
        contentDir = contentDir == null ? null : contentDir.toAbsolutePath().normalize();
        channelsDir = channelsDir == null ? null : channelsDir.toAbsolutePath().normalize();
    }
}
