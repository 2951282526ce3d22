package vn.herald.upstream;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A channel file's upstreamFeeds are checked when it is imported: the line and the entry are named. */
class UpstreamFeedsFileCheckTest {

    private final UpstreamFeedsFileCheck check = new UpstreamFeedsFileCheck();

    private SourceFileException refused(String yaml) {
        return assertThrows(SourceFileException.class, () -> check.check(ChannelType.EPORTAL, YamlFields.parse(yaml, 0)));
    }

    @Test
    void wellFormedFeedsPass() {
        check.check(ChannelType.EPORTAL, YamlFields.parse("""
                type: EPORTAL
                upstreamFeeds:
                  - url: https://tinh.example/rss
                    name: Cổng tỉnh
                    topics: [Tin tỉnh]
                """, 0));
        check.check(ChannelType.FACEBOOK_PAGE, YamlFields.parse("type: FACEBOOK_PAGE\n", 0));
    }

    @Test
    void anEntryWithoutAddressIsNamedWithItsPosition() {
        SourceFileException e = refused("""
                type: EPORTAL
                upstreamFeeds:
                  - url: https://tinh.example/rss
                    name: Cổng tỉnh
                  - name: Báo tỉnh
                """);
        assertEquals(2, e.line());
        assertEquals("'upstreamFeeds[2]': thiếu 'url': địa chỉ RSS hoặc Atom của nguồn tin", e.reason());
    }

    @Test
    void anAddressThatIsNotHttpOrAMissingNameOrTopicsThatAreNotAListAreRefused() {
        assertEquals("'upstreamFeeds[1]': 'url' phải là một địa chỉ http(s), đang là 'ftp://tinh.example/rss'",
                refused("upstreamFeeds:\n  - {url: ftp://tinh.example/rss, name: Tỉnh}\n").reason());
        assertEquals("'upstreamFeeds[1]': thiếu 'name': tên nguồn tin, ghi vào mục tác giả của bản nháp (ví dụ Cổng thông tin điện tử tỉnh)",
                refused("upstreamFeeds:\n  - {url: https://tinh.example/rss}\n").reason());
        assertEquals("'upstreamFeeds[1]': 'topics' phải là một danh sách, ví dụ [Chuyển đổi số]",
                refused("upstreamFeeds:\n  - {url: https://tinh.example/rss, name: Tỉnh, topics: Tin tỉnh}\n").reason());
        assertEquals(UpstreamFeeds.NOT_A_LIST, refused("upstreamFeeds: https://tinh.example/rss\n").reason());
    }
}
