package vn.herald.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's defaults are relative ("./data", "content"): the folders are made absolute at once, so that ffprobe,
 * ffmpeg and espeak-ng, started in their own working directory, find the very files Herald wrote (under
 * {@code mvn mn:run} the seed video was refused as unreadable before this).
 */
class FoldersTest {

    @Test
    void relativeFoldersBecomeAbsoluteAgainstTheServiceDirectory() {
        Folders folders = new Folders(Path.of("./data"), Path.of("content"), Path.of("channels"));
        Path here = Path.of("").toAbsolutePath();

        assertTrue(folders.dataDir().isAbsolute(), folders.dataDir().toString());
        assertEquals(here.resolve("data"), folders.dataDir());
        assertEquals(here.resolve("content"), folders.contentDir());
        assertEquals(here.resolve("channels"), folders.channelsDir());
    }
}
