package vn.herald;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.library.ImportReport;
import vn.herald.library.Imports;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default keeps its data in a file: a restart loses nothing and imports nothing twice. */
class RestartTest {

    @Test
    void dataSurvivesARestartAndTheSecondStartImportsNothing(@TempDir Path data) {
        Map<String, Object> settings = Map.of(
                "herald.data-dir", data.toString(),
                "datasources.default.url", "jdbc:h2:file:" + data.resolve("db/herald")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        long id;
        int files;
        try (ApplicationContext first = ApplicationContext.run(settings, "test")) {
            ImportReport atFirstStart = first.getBean(Imports.class).latest().orElseThrow();
            files = atFirstStart.files().size();
            assertTrue(atFirstStart.imported() >= 30, atFirstStart::toString);
            id = first.getBean(Pieces.class).create(new PieceForm(PieceKind.ARTICLE, null, "Viết trước khi khởi động lại",
                    null, "<p>Nội dung</p>", null, null, null, null, null, null, null, null, null), "bien-tap").id();
        }
        try (ApplicationContext second = ApplicationContext.run(settings, "test")) {
            ImportReport atSecondStart = second.getBean(Imports.class).latest().orElseThrow();
            assertEquals(0, atSecondStart.imported() + atSecondStart.updated() + atSecondStart.archived(), atSecondStart::toString);
            assertEquals(files, atSecondStart.unchanged());
            assertEquals("Viết trước khi khởi động lại", second.getBean(Pieces.class).get(id).title());
        }
    }
}
