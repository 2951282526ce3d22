package vn.herald.channel.screen;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelFiles;
import vn.herald.channel.Channels;
import vn.herald.content.FileOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A screen channel file is bound to {@link ScreenSettings} at import: a wrong value names file, line and key. */
@MicronautTest(transactional = false)
class ScreenSettingsAtImportTest {

    @Inject ChannelFiles files;
    @Inject Channels channels;
    @Inject ScreenAdapter adapter;

    private Map<String, String> importing(Map<String, String> texts) throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory("herald-screen-settings").resolve("channels"));
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
    void aWrongScreenSettingIsRefusedWithItsFileLineAndKey() throws IOException {
        Map<String, String> messages = importing(Map.of(
                "mh-poll.yml", "type: SCREEN\nmode: dry-run\nname: Màn hình\npollSeconds: 120\n",
                "mh-gio.yml", "type: SCREEN\nmode: dry-run\nopeningHours:\n  - days: [MON]\n    open: \"17:00\"\n"
                        + "    close: \"07:30\"\n",
                "mh-khoa.yml", "type: SCREEN\nmode: dry-run\nslideSecond: 10\n",
                "mh-dung.yml", "type: SCREEN\nmode: dry-run\nopeningHours:\n  - days: [MON, TUE]\n    open: \"7:30\"\n"
                        + "    close: \"17:00\"\nslideSeconds: 20\n"));

        assertTrue(messages.get("mh-poll.yml").startsWith("channels/mh-poll.yml:4: 'pollSeconds' (số giây giữa hai lần màn "
                + "hình hỏi nội dung mới) phải là số nguyên từ 1 đến 60"), messages.get("mh-poll.yml"));
        assertTrue(messages.get("mh-gio.yml").startsWith("channels/mh-gio.yml:3: 'openingHours[1]': giờ đóng cửa (07:30) "
                + "phải sau giờ mở cửa (17:00)"), messages.get("mh-gio.yml"));
        assertTrue(messages.get("mh-khoa.yml").startsWith("channels/mh-khoa.yml:3: 'slideSecond' không phải là khóa của kênh "
                + "màn hình"), messages.get("mh-khoa.yml"));
        assertEquals("IMPORTED", messages.get("mh-dung.yml"));
        assertTrue(channels.find("mh-poll").isEmpty(), "a refused file makes no channel");

        ScreenSettings settings = adapter.settings(channels.get("mh-dung"));
        assertEquals(20, settings.slideSeconds());
        assertEquals(30, settings.pollSeconds(), "a change reaches the hall within half a minute by default");
        assertTrue(settings.openAt(ZonedDateTime.parse("2027-05-17T07:30+07:00[Asia/Ho_Chi_Minh]")));
        assertFalse(settings.openAt(ZonedDateTime.parse("2027-05-17T17:00+07:00[Asia/Ho_Chi_Minh]")));
        assertFalse(settings.openAt(ZonedDateTime.parse("2027-05-19T09:00+07:00[Asia/Ho_Chi_Minh]")), "closed on Wednesday");
    }
}
