package vn.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrontMatterDocumentTest {

    enum Kind { ARTICLE, INFOGRAPHIC, RADIO_SCRIPT }

    private static final String VNEID = """
            ---
            title: Hướng dẫn kích hoạt VNeID
            kind: ARTICLE
            topics: [chuyển đổi số, VNeID]
            publishedOn: 2027-05-18
            ---

            # Kích hoạt tài khoản

            Mang theo CCCD.
            """;

    @Test
    void aGoodFileGivesItsFieldsAndBody() {
        FrontMatterDocument document = FrontMatterDocument.parse(VNEID);

        assertEquals("Hướng dẫn kích hoạt VNeID", document.fields().requiredText("title"));
        assertEquals(Optional.of(Kind.ARTICLE), document.fields().enumValue("kind", Kind.class));
        assertEquals(List.of("chuyển đổi số", "VNeID"), document.fields().textList("topics"));
        assertEquals("# Kích hoạt tài khoản\n\nMang theo CCCD.\n", document.body());
        assertEquals(8, document.bodyStartLine());
    }

    @Test
    void keyLinesAreLinesOfTheWholeFile() {
        YamlFields fields = FrontMatterDocument.parse(VNEID).fields();

        assertEquals(2, fields.startLine());
        assertEquals(2, fields.line("title"));
        assertEquals(3, fields.line("kind"));
        assertEquals(5, fields.line("publishedOn"));
    }

    @Test
    void aMisspelledKindIsReportedOnItsFileLine() {
        FrontMatterDocument document = FrontMatterDocument.parse("""
                ---
                title: Hướng dẫn kích hoạt VNeID
                summary: Tài khoản định danh điện tử
                kind: ARTICEL
                ---
                Nội dung
                """);

        SourceFileException e = assertThrows(SourceFileException.class,
                () -> document.fields().enumValue("kind", Kind.class));

        assertEquals(4, e.line());
        assertEquals("'kind' phải là ARTICLE, INFOGRAPHIC hoặc RADIO_SCRIPT, đang là 'ARTICEL'", e.reason());
    }

    @Test
    void aYamlSyntaxErrorIsReportedOnTheFileLineToFix() {
        SourceFileException e = assertThrows(SourceFileException.class, () -> FrontMatterDocument.parse("""
                ---
                title: Lịch tiêm chủng
                topics:
                  - y tế
                 - trẻ em
                ---
                Nội dung
                """));

        assertEquals(5, e.line());
    }

    @Test
    void aMissingTitleIsReportedAtTheStartOfTheFrontMatter() {
        FrontMatterDocument document = FrontMatterDocument.parse("---\nkind: ARTICLE\n---\nNội dung\n");

        SourceFileException e = assertThrows(SourceFileException.class,
                () -> document.fields().requiredText("title"));

        assertEquals("dòng 2: thiếu 'title'", e.getMessage());
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
        String windows = "\uFEFF" + VNEID.replace("\n", "\r\n");

        FrontMatterDocument document = FrontMatterDocument.parse(windows);

        assertEquals("Hướng dẫn kích hoạt VNeID", document.fields().requiredText("title"));
        assertEquals(3, document.fields().line("kind"));
        assertEquals("# Kích hoạt tài khoản\n\nMang theo CCCD.\n", document.body());
        assertEquals(8, document.bodyStartLine());
    }

    @Test
    void theFrontMatterMayEndWithThreeDots() {
        FrontMatterDocument document = FrontMatterDocument.parse("---\ntitle: Tin\n...\nNội dung");

        assertEquals("Tin", document.fields().requiredText("title"));
        assertEquals("Nội dung", document.body());
        assertEquals(4, document.bodyStartLine());
    }

    @Test
    void aFileWithoutFrontMatterIsRefusedOnLineOne() {
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> FrontMatterDocument.parse("# Tiêu đề\n\ntitle: Tin\n"));

        assertEquals(1, e.line());
        assertEquals("tệp phải bắt đầu bằng dòng '---' rồi đến phần đầu YAML", e.reason());
        assertEquals(1, assertThrows(SourceFileException.class, () -> FrontMatterDocument.parse("")).line());
    }

    @Test
    void anUnclosedFrontMatterIsReportedWhereItOpened() {
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> FrontMatterDocument.parse("---\ntitle: Tin\nkind: ARTICLE\n\nNội dung\n"));

        assertEquals(1, e.line());
        assertEquals("the front matter opened on line 1 is never closed with '---'", e.reason());
    }

    @Test
    void aDuplicateKeyIsReportedOnItsFileLine() {
        SourceFileException e = assertThrows(SourceFileException.class,
                () -> FrontMatterDocument.parse("---\ntitle: Một\nkind: ARTICLE\ntitle: Hai\n---\n"));

        assertEquals("dòng 4: 'title' được ghi hai lần, lần đầu ở dòng 2", e.getMessage());
    }

    @Test
    void nestedMappingsKeepFileLines() {
        FrontMatterDocument document = FrontMatterDocument.parse("""
                ---
                title: Bản tin phát thanh
                radio:
                  voice: nữ miền Nam
                  minutes: 5
                ---
                """);

        YamlFields radio = document.fields().mapping("radio").orElseThrow();

        assertEquals(4, radio.line("voice"));
        assertEquals(Optional.of(5), radio.integer("minutes"));
    }

    @Test
    void anEmptyFrontMatterAndBodyAreAllowed() {
        FrontMatterDocument document = FrontMatterDocument.parse("---\n---\n");

        assertEquals(List.of(), List.copyOf(document.fields().keys()));
        assertEquals("", document.body());
        assertEquals(3, document.bodyStartLine());
    }
}
