package vn.herald.exposure;

import org.junit.jupiter.api.Test;
import vn.herald.support.Folders;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A file system error names its file the way a person finds it in the repository or data folder. */
class ServerPathsTest {

    @Test
    void pathsOfTheServersFoldersAreShownInsideThem() throws IOException {
        Path root = Files.createTempDirectory("herald-paths").toAbsolutePath();
        ServerPaths paths = new ServerPaths(new Folders(root.resolve("data"), root.resolve("content"), root.resolve("channels")));

        assertEquals("content/articles/vneid.md: Permission denied",
                paths.hide(root.resolve("content/articles/vneid.md") + ": Permission denied"));
        assertEquals("không ghi được: data/loa/thon-dong/.builds: Read-only file system",
                paths.hide("không ghi được: " + root.resolve("data/loa/thon-dong/.builds") + ": Read-only file system"));
        assertEquals("{\"url\":\"data/loa/thon-dong/2027-05-17_1700\"}",
                paths.hide("{\"url\":\"" + root.resolve("data/loa/thon-dong/2027-05-17_1700").toUri() + "\"}"));
        assertEquals("channels/zalo.yml", paths.hide(root.resolve("channels").resolve("zalo.yml").toString()));
        assertEquals("máy chủ trả lời HTTP 404 cho https://tinh.example/rss/tin.rss",
                paths.hide("máy chủ trả lời HTTP 404 cho https://tinh.example/rss/tin.rss"));
        assertNull(paths.hide(null));
    }
}
