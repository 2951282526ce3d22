package vn.herald.library;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.channel.Channels;
import vn.herald.content.Piece;
import vn.herald.content.Pieces;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library that tries to reach outside itself or break the limits: links leaving content/ are refused with the file
 * named, a file over a limit is reported with its line, control characters leave content and channel files, and
 * every other file still imports.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileLibraryTest implements TestPropertyProvider {

    @Inject Imports imports;
    @Inject Pieces pieces;
    @Inject Channels channels;

    private Path library;

    @Override
    public Map<String, String> getProperties() {
        try {
            library = Files.createTempDirectory("herald-hostile-library");
            Path outside = Files.createTempDirectory("herald-outside");
            write(outside.resolve("bi-mat.md"), "---\ntitle: Tệp ngoài thư viện\n---\nNội dung không được lọt vào.\n");
            write(outside.resolve("radio/ngoai.md"), "---\ntitle: Kịch bản ngoài thư viện\n---\nKính thưa bà con.\n");
            ImageIO.write(new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB), "png", outside.resolve("anh.png").toFile());

            write(library.resolve("content/articles/tot.md"), "---\ntitle: Bài tốt vẫn được nhập\n---\nNội dung.\n");
            Files.createSymbolicLink(library.resolve("content/articles/lien-ket.md"), outside.resolve("bi-mat.md"));
            Files.createSymbolicLink(library.resolve("content/radio"), outside.resolve("radio"));
            write(library.resolve("content/infographics/anh-lien-ket.md"),
                    "---\ntitle: Ảnh trỏ ra ngoài\naltText: Mô tả\nimage: anh.png\n---\n");
            Files.createSymbolicLink(library.resolve("content/infographics/anh.png"), outside.resolve("anh.png"));
            write(library.resolve("content/articles/tieu-de-dai.md"), "---\nkind: ARTICLE\ntitle: " + "Dài ".repeat(80)
                    + "\n---\nNội dung.\n");
            write(library.resolve("content/articles/ky-tu-dieu-khien.md"),
                    "---\ntitle: \"Tin\\0 có\\x07 ký tự lạ\"\ntopics: [\"Chuyển\\x1b đổi số\"]\n---\nDòng\u0000 một\n");
            write(library.resolve("channels/cong.yml"), "type: EPORTAL\nmode: dry-run\nname: \"Cổng\\0 xã\\nHòa An\"\n");
            return Map.of("herald.content-dir", library.resolve("content").toString(),
                    "herald.channels-dir", library.resolve("channels").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private Piece titled(String text) {
        return pieces.list(new Pieces.Filter(null, null, null, null, null, text), Pageable.from(0, 5)).getContent().get(0);
    }

    @Test
    void linksOutOfTheLibraryAndFilesOverALimitAreReportedAndTheRestImports() {
        ImportReport report = imports.latest().orElseThrow();
        List<String> messages = report.problems().stream().map(ImportReport.Problem::message).sorted().toList();

        assertEquals(4, messages.size(), messages::toString);
        assertTrue(messages.get(0).startsWith("content/articles/lien-ket.md: là liên kết tượng trưng (symlink) trỏ ra ngoài"),
                messages.get(0));
        assertEquals("content/articles/tieu-de-dai.md:3: 'title': Tiêu đề dài 319 ký tự; tối đa 300 ký tự.", messages.get(1));
        assertTrue(messages.get(2).startsWith("content/infographics/anh-lien-ket.md:4: 'image' (anh.png) là liên kết tượng trưng"),
                messages.get(2));
        assertTrue(messages.get(3).startsWith("content/radio: là liên kết tượng trưng (symlink) trỏ ra ngoài"), messages.get(3));
        assertEquals(0, pieces.list(new Pieces.Filter(null, null, null, null, null, "ngoài thư viện"), Pageable.from(0, 5))
                .getTotalSize(), "nothing from outside the library is imported");

        assertEquals("Bài tốt vẫn được nhập", titled("Bài tốt").title());
    }

    @Test
    void controlCharactersLeaveContentAndChannelFiles() {
        Piece piece = titled("ký tự lạ");
        assertEquals("Tin có ký tự lạ", piece.title());
        assertEquals(List.of("Chuyển đổi số"), piece.topics());
        assertEquals("<p>Dòng một</p>", piece.body().strip());
        assertEquals("Cổng xã Hòa An", channels.get("cong").name());
    }
}
