package vn.herald.channel.youtube;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelFiles;
import vn.herald.content.FileOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A YouTube channel file is bound to its settings at import: a wrong value names the file, its line and the key. */
@MicronautTest(transactional = false)
class YouTubeSettingsAtImportTest {

    @Inject ChannelFiles files;

    @Test
    void wrongValuesAreRefusedWithTheirLineAndTheSeedFileImports() throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory("herald-youtube-settings").resolve("channels"));
        Files.writeString(dir.resolve("yt-sai.yml"), "type: YOUTUBE\nmode: dry-run\n# chunks of 300 KiB are not whole 256 KiB\n"
                + "chunkKib: 300\n");
        Files.writeString(dir.resolve("yt-rieng.yml"), "type: YOUTUBE\nmode: dry-run\nprivacyStatus: secret\n");
        Files.writeString(dir.resolve("yt-the.yml"), "type: YOUTUBE\nmode: dry-run\ntags: [Hòa An, \"<b>\"]\n");
        Files.copy(Path.of("channels", "youtube.yml"), dir.resolve("youtube.yml"));
        Map<String, String> messages = new HashMap<>();
        for (FileOutcome outcome : files.importAll(dir)) {
            messages.put(outcome.path().substring(outcome.path().lastIndexOf('/') + 1),
                    outcome.result() == FileOutcome.Result.FAILED ? outcome.message() : outcome.result().name());
        }
        assertTrue(messages.get("yt-sai.yml").startsWith("channels/yt-sai.yml:4: 'chunkKib' phải là bội số của 256"),
                messages.get("yt-sai.yml"));
        assertTrue(messages.get("yt-rieng.yml").startsWith("channels/yt-rieng.yml:3: 'privacyStatus' phải là public, unlisted"),
                messages.get("yt-rieng.yml"));
        assertTrue(messages.get("yt-the.yml").startsWith("channels/yt-the.yml:3: thẻ '<b>'"), messages.get("yt-the.yml"));
        assertTrue(java.util.Set.of("IMPORTED", "UPDATED", "UNCHANGED").contains(messages.get("youtube.yml")),
                "the seed channel file imports as it is: " + messages.get("youtube.yml"));
    }
}
