package vn.herald.channel.wordpress;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A WordPress portal's channel file is checked when it is imported: the wrong key's line is named. */
class WordPressFileCheckTest {

    private final WordPressFileCheck check = new WordPressFileCheck();

    private static YamlFields file(String rest) {
        return YamlFields.parse("type: EPORTAL\nplatform: wordpress\nmode: live\n" + rest, 0);
    }

    @Test
    void aCompleteFilePasses() {
        check.check(ChannelType.EPORTAL, file("site: https://cong.example\nusername: herald\ncategory: Tin tức\n"));
    }

    @Test
    void onlyWordPressPortalsAreChecked() {
        check.check(ChannelType.EPORTAL, YamlFields.parse("type: EPORTAL\nmode: live\n", 0));
        check.check(ChannelType.FACEBOOK_PAGE, YamlFields.parse("type: FACEBOOK_PAGE\nplatform: wordpress\n", 0));
    }

    @Test
    void aMissingSiteIsReported() {
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> check.check(ChannelType.EPORTAL, file("username: herald\n")));
        assertTrue(e.reason().startsWith("thiếu 'site'"), e.reason());
    }

    @Test
    void aWrongValueNamesItsLine() {
        SourceFileException site = assertThrows(SourceFileException.class,
                () -> check.check(ChannelType.EPORTAL, file("site: cong.example\nusername: herald\n")));
        assertEquals(4, site.line());
        SourceFileException both = assertThrows(SourceFileException.class,
                () -> check.check(ChannelType.EPORTAL, file("site: https://cong.example\nusername: herald\ncategoryId: 3\ncategory: Tin\n")));
        assertEquals(7, both.line());
        assertTrue(both.reason().contains("chỉ ghi một trong hai"), both.reason());
        SourceFileException timeout = assertThrows(SourceFileException.class,
                () -> check.check(ChannelType.EPORTAL, file("site: https://cong.example\nusername: herald\nreadTimeoutSeconds: 0\n")));
        assertEquals(6, timeout.line());
    }
}
