package vn.herald.channel;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.content.FileOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every platform's channel file is bound to its settings record at import: a wrong value names file, line and key. */
@MicronautTest(transactional = false)
class ChannelSettingsAtImportTest {

    @Inject ChannelFiles files;
    @Inject Channels channels;

    private Map<String, String> importing(Map<String, String> texts) throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory("herald-channel-settings").resolve("channels"));
        for (Map.Entry<String, String> file : texts.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue());
        }
        Map<String, String> messages = new TreeMap<>();
        for (FileOutcome outcome : files.importAll(dir)) {
            messages.put(outcome.path().substring(outcome.path().lastIndexOf('/') + 1), outcome.result() == FileOutcome.Result.FAILED ? outcome.message() : outcome.result().name());
        }
        return messages;
    }

    @Test
    void aWrongSettingOfEveryPlatformIsRefusedAtImportWithItsFileLineAndKey() throws IOException {
        Map<String, String> messages = importing(Map.of(
                "fb-sai.yml", "type: FACEBOOK_PAGE\nmode: dry-run\n# the Page's number, not its name\npageId: Trang xã Hòa An\n",
                "zalo-sai.yml", "type: ZALO_OA\nmode: dry-run\nauthor: Xã Hòa An\ntitleMax: 0\n",
                "cong-sai.yml", "type: EPORTAL\nmode: dry-run\nplatform: joomla\n",
                "wp-sai.yml", "type: EPORTAL\nmode: dry-run\nplatform: wordpress\nsite: https://xa.example\nusername: herald\n"
                        + "readTimeoutSeconds: 0\n",
                "loa-sai.yml", "type: FACEBOOK_PAGE\nmode: dry-run\npageId: \"104857392012345\"\nrateLimitPerMinute: 0\n"));

        assertTrue(messages.get("fb-sai.yml").startsWith("channels/fb-sai.yml:4: 'pageId' phải là mã số của Trang Facebook"),
                messages.get("fb-sai.yml"));
        assertTrue(messages.get("zalo-sai.yml").startsWith("channels/zalo-sai.yml:4: 'titleMax' phải là"), messages.get("zalo-sai.yml"));
        assertTrue(messages.get("cong-sai.yml").startsWith("channels/cong-sai.yml:3: 'platform' chỉ nhận giá trị wordpress"),
                messages.get("cong-sai.yml"));
        assertTrue(messages.get("wp-sai.yml").startsWith("channels/wp-sai.yml:6: 'readTimeoutSeconds'"), messages.get("wp-sai.yml"));
        assertTrue(messages.get("loa-sai.yml").startsWith("channels/loa-sai.yml:4: 'rateLimitPerMinute' phải là số nguyên từ 1 trở lên"),
                messages.get("loa-sai.yml"));
        assertTrue(channels.find("fb-sai").isEmpty(), "a refused file makes no channel");
    }

    @Test
    void rightFilesOfEveryPlatformImportAndReadTheirLimitTyped() throws IOException {
        Map<String, String> messages = importing(Map.of(
                "fb-dung.yml", "type: FACEBOOK_PAGE\nmode: dry-run\npageId: \"104857392012345\"\nrateLimitPerMinute: 30\n",
                "zalo-dung.yml", "type: ZALO_OA\nmode: dry-run\n",
                "cong-dung.yml", "type: EPORTAL\nmode: dry-run\n"));

        assertEquals(Map.of("cong-dung.yml", "IMPORTED", "fb-dung.yml", "IMPORTED", "zalo-dung.yml", "IMPORTED"), messages);
        assertEquals(30, CommonSettings.of(channels.get("fb-dung"), io.micronaut.serde.ObjectMapper.getDefault()).rateLimitPerMinute());
        assertEquals(CommonSettings.DEFAULT_RATE_LIMIT,
                CommonSettings.of(channels.get("cong-dung"), io.micronaut.serde.ObjectMapper.getDefault()).rateLimitPerMinute());
    }
}
