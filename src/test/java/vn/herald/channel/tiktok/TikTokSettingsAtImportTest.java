package vn.herald.channel.tiktok;

import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelFiles;
import vn.herald.channel.Channels;
import vn.herald.content.FileOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A TikTok channel file is bound to {@link TikTokSettings} at import: a wrong value names file, line and key. */
@MicronautTest(transactional = false)
class TikTokSettingsAtImportTest {

    @Inject ChannelFiles files;
    @Inject Channels channels;
    @Inject JsonMapper json;

    private Map<String, String> importing(Map<String, String> texts) throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory("herald-tiktok-settings").resolve("channels"));
        for (Map.Entry<String, String> file : texts.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        Map<String, String> messages = new TreeMap<>();
        for (FileOutcome outcome : files.importAll(dir)) {
            messages.put(outcome.path().substring(outcome.path().lastIndexOf('/') + 1),
                    outcome.result() == FileOutcome.Result.FAILED ? outcome.message() : outcome.result().name());
        }
        return messages;
    }

    @Test
    void aWrongTikTokSettingIsRefusedWithItsFileLineAndKey() throws IOException {
        Map<String, String> messages = importing(Map.of(
                "tt-che-do.yml", "type: TIKTOK\nmode: dry-run\nname: TikTok\nprivacyLevel: CONG_KHAI\n",
                "tt-tai.yml", "type: TIKTOK\nmode: dry-run\nuploadMode: FTP\n",
                "tt-doan.yml", "type: TIKTOK\nmode: dry-run\nname: TikTok\n\nchunkMegabytes: 100\n",
                "tt-khoa.yml", "type: TIKTOK\nmode: dry-run\nprivacylevel: SELF_ONLY\n",
                "tt-dung.yml", "type: TIKTOK\nmode: dry-run\nname: TikTok đúng\nuploadMode: pull_from_url\naudited: true\n"
                        + "privacyFallback: FOLLOWER_OF_CREATOR\nhashtags: [XaHoaAn]\n"));

        assertTrue(messages.get("tt-che-do.yml").startsWith("channels/tt-che-do.yml:4: 'privacyLevel' phải là một trong "
                + "PUBLIC_TO_EVERYONE, MUTUAL_FOLLOW_FRIENDS, FOLLOWER_OF_CREATOR, SELF_ONLY, đang là 'CONG_KHAI'"),
                messages.get("tt-che-do.yml"));
        assertTrue(messages.get("tt-tai.yml").startsWith("channels/tt-tai.yml:3: 'uploadMode' phải là một trong FILE_UPLOAD, "
                + "PULL_FROM_URL"), messages.get("tt-tai.yml"));
        assertTrue(messages.get("tt-doan.yml").startsWith("channels/tt-doan.yml:5: 'chunkMegabytes' phải là số nguyên từ 5 "
                + "đến 64"), messages.get("tt-doan.yml"));
        assertTrue(messages.get("tt-khoa.yml").startsWith("channels/tt-khoa.yml:3: 'privacylevel' không phải là khóa của kênh "
                + "TikTok"), messages.get("tt-khoa.yml"));
        assertEquals("IMPORTED", messages.get("tt-dung.yml"));
        assertTrue(channels.find("tt-che-do").isEmpty(), "a refused file makes no channel");

        TikTokSettings settings = TikTokSettings.of(channels.get("tt-dung"), json);
        assertEquals(TikTokSettings.UploadMode.PULL_FROM_URL, settings.uploadMode());
        assertEquals(Optional.of("FOLLOWER_OF_CREATOR"), settings.privacyFallback());
        assertTrue(settings.audited());
        assertEquals(List.of("XaHoaAn"), settings.hashtags());
        assertEquals("HERALD_TIKTOK_REFRESH_TOKEN", settings.refreshTokenEnv());
        assertEquals(10L * 1024 * 1024, settings.chunkBytes());
        assertEquals(6, settings.initsPerMinute());
    }

    @Test
    void theSeedChannelFileIsADryRunThatNamesOnlyVariables() throws IOException {
        Path seed = Path.of("channels/tiktok.yml");
        Map<String, String> messages = importing(Map.of("tiktok.yml", Files.readString(seed)));

        assertTrue(List.of("IMPORTED", "UNCHANGED").contains(messages.get("tiktok.yml")), messages.get("tiktok.yml"));
        TikTokSettings settings = TikTokSettings.of(channels.get("tiktok"), json);
        assertFalse(settings.audited());
        assertEquals("TikTok Xã Hòa An", channels.get("tiktok").name());
        assertEquals(vn.herald.channel.ChannelMode.DRY_RUN, channels.get("tiktok").mode());
    }
}
