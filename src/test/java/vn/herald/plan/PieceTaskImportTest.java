package vn.herald.plan;

import io.micronaut.data.model.Pageable;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.content.Piece;
import vn.herald.content.Pieces;
import vn.herald.library.ImportReport;
import vn.herald.library.Imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A library of its own: a plan, a piece naming one of its tasks and a piece naming a task the plan lacks. The import
 * links the first, reports the second with file, line and key, and leaves the plan and the good piece imported.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PieceTaskImportTest implements TestPropertyProvider {

    @Inject Imports imports;
    @Inject Pieces pieces;
    @Inject TaskLinks links;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path library = Files.createTempDirectory("herald-plan-library");
            write(library, "content/plans/ke-hoach-nho.yml", """
                    number: 3/KH-UBND
                    issued: 2026-01-05
                    issuer: Ủy ban nhân dân xã Hòa An
                    title: Kế hoạch nhỏ
                    period: {from: 2026-01-01, to: 2026-12-31}
                    tasks:
                      - code: ban-tin-loa
                        title: Bản tin loa hằng tuần
                        lead: Trung tâm Văn hóa, Thể thao và Truyền thông
                        deadline: thường xuyên
                        outputs: [{channel: LOUDSPEAKER, atLeast: 1, per: week}]
                    """);
            write(library, "content/articles/dung-nhiem-vu.md", """
                    ---
                    title: Bản tin về Nghị quyết 57
                    task: ke-hoach-nho/ban-tin-loa
                    ---
                    Nội dung.
                    """);
            write(library, "content/articles/sai-nhiem-vu.md", """
                    ---
                    title: Bài gắn nhầm nhiệm vụ
                    summary: Tóm tắt
                    task: ke-hoach-nho/khong-co
                    ---
                    Nội dung.
                    """);
            Files.createDirectories(library.resolve("channels"));
            return Map.of("herald.content-dir", library.resolve("content").toString(),
                    "herald.channels-dir", library.resolve("channels").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aPieceNamingAnUnknownTaskIsReportedAndTheOthersAreLinked() {
        ImportReport report = imports.latest().orElseThrow();
        List<String> problems = report.problems().stream().map(ImportReport.Problem::message).toList();
        assertEquals(List.of("content/articles/sai-nhiem-vu.md:4: 'task': kế hoạch 3/KH-UBND không có nhiệm vụ 'khong-co'; "
                + "các nhiệm vụ: ban-tin-loa"), problems);
        assertEquals(2, report.imported(), "the plan and the good piece");

        Piece good = pieces.list(new Pieces.Filter(null, null, null, null, null, "Nghị quyết 57"), Pageable.from(0, 5))
                .getContent().get(0);
        assertEquals("ke-hoach-nho/ban-tin-loa", links.ofPiece(good.id()).orElseThrow().ref());
        assertTrue(pieces.list(new Pieces.Filter(null, null, null, null, null, "gắn nhầm"), Pageable.from(0, 5)).getContent().isEmpty());
    }

    private static void write(Path library, String path, String text) throws IOException {
        Path file = library.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
