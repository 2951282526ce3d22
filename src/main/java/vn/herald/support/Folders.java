package vn.herald.support;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.NotNull;

import java.nio.file.Path;

/** The data folder (database, assets, loudspeaker drops) and the two library folders of the repository. */
@ConfigurationProperties("herald")
public record Folders(@NotNull Path dataDir, @NotNull Path contentDir, @NotNull Path channelsDir) {}
