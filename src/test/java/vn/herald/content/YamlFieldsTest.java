package vn.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class YamlFieldsTest {

    enum Kind { ARTICLE, INFOGRAPHIC, RADIO_SCRIPT }

    enum Mode { LIVE, DRY_RUN }

    private static SourceFileException failure(Executable action) {
        return assertThrows(SourceFileException.class, action);
    }

    private static YamlFields channel() {
        return YamlFields.parse("""
                name: Fanpage xã Ea Tu
                type: facebook
                mode: dry-run
                enabled: true
                maxPerDay: 3
                startsOn: 2027-05-18
                units: [ea-tu, "hoa-thang"]
                topics:
                  - chuyển đổi số
                  - ""
                  - 2027
                facebook:
                  pageId: "123456"
                  retries: 5
                notes:
                """, 0);
    }

    @Test
    void scalarsAreReadAsTheirYamlText() {
        YamlFields fields = channel();

        assertEquals(Optional.of("Fanpage xã Ea Tu"), fields.text("name"));
        assertEquals(Optional.of("true"), fields.text("enabled"));
        assertEquals(Optional.of("3"), fields.text("maxPerDay"));
        assertEquals(Optional.empty(), fields.text("notes"));
        assertEquals(Optional.empty(), fields.text("absent"));
    }

    @Test
    void typedValuesAreConverted() {
        YamlFields fields = channel();

        assertEquals(Optional.of(3), fields.integer("maxPerDay"));
        assertEquals(Optional.of(LocalDate.of(2027, 5, 18)), fields.date("startsOn"));
        assertEquals(Optional.of(Mode.DRY_RUN), fields.enumValue("mode", Mode.class));
        assertEquals(Optional.empty(), fields.integer("absent"));
    }

    @Test
    void listsDropBlankEntriesAndASingleValueIsAListOfOne() {
        YamlFields fields = channel();

        assertEquals(List.of("chuyển đổi số", "2027"), fields.textList("topics"));
        assertEquals(List.of("ea-tu", "hoa-thang"), fields.textList("units"));
        assertEquals(List.of("facebook"), fields.textList("type"));
        assertEquals(List.of(), fields.textList("absent"));
        assertEquals(List.of(), fields.textList("notes"));
    }

    @Test
    void keysRememberTheirLinesAndOrder() {
        YamlFields fields = channel();

        assertEquals(1, fields.startLine());
        assertEquals(1, fields.line("name"));
        assertEquals(8, fields.line("topics"));
        assertEquals(1, fields.line("absent"));
        assertEquals(List.of("name", "type", "mode", "enabled", "maxPerDay", "startsOn", "units", "topics",
                "facebook", "notes"), List.copyOf(fields.keys()));
        assertTrue(fields.has("notes"));
        assertFalse(fields.has("absent"));
    }

    @Test
    void nestedMappingsKeepTheLinesOfTheFile() {
        YamlFields facebook = channel().mapping("facebook").orElseThrow();

        assertEquals(Optional.of("123456"), facebook.text("pageId"));
        assertEquals(13, facebook.line("pageId"));
        assertEquals(14, facebook.line("retries"));
        assertEquals(13, facebook.startLine());
        assertEquals(Optional.empty(), channel().mapping("absent"));
    }

    @Test
    void theLineOffsetIsAddedToEveryLine() {
        YamlFields fields = YamlFields.parse("title: Tin\nmeta:\n  author: Lan\n", 1);

        assertEquals(2, fields.startLine());
        assertEquals(2, fields.line("title"));
        assertEquals(4, fields.mapping("meta").orElseThrow().line("author"));
    }

    @Test
    void aWrongEnumValueListsTheAllowedOnes() {
        YamlFields fields = YamlFields.parse("title: Tin\nkind: ARTICEL\n", 2);

        SourceFileException e = failure(() -> fields.enumValue("kind", Kind.class));

        assertEquals(4, e.line());
        assertEquals("'kind' phải là ARTICLE, INFOGRAPHIC hoặc RADIO_SCRIPT, đang là 'ARTICEL'", e.reason());
        assertEquals("dòng 4: 'kind' phải là ARTICLE, INFOGRAPHIC hoặc RADIO_SCRIPT, đang là 'ARTICEL'", e.getMessage());
    }

    @Test
    void enumValuesIgnoreCase() {
        YamlFields fields = YamlFields.parse("kind: radio-script\nmode: Live\n", 0);

        assertEquals(Optional.of(Kind.RADIO_SCRIPT), fields.enumValue("kind", Kind.class));
        assertEquals(Optional.of(Mode.LIVE), fields.enumValue("mode", Mode.class));
    }

    @Test
    void aBadDateIsReportedOnItsLine() {
        YamlFields fields = YamlFields.parse("title: Tin\npublishedOn: 2027-13-40\n", 0);

        SourceFileException e = failure(() -> fields.date("publishedOn"));

        assertEquals(2, e.line());
        assertEquals("'publishedOn' phải là một ngày dạng 2027-05-18, đang là '2027-13-40'", e.reason());
    }

    @Test
    void aNonNumberIsNotAWholeNumber() {
        SourceFileException e = failure(() -> YamlFields.parse("maxPerDay: ba\n", 0).integer("maxPerDay"));
        assertEquals("'maxPerDay' phải là một số nguyên, đang là 'ba'", e.reason());
    }

    @Test
    void valuesOfTheWrongShapeAreReportedOnTheirLine() {
        YamlFields fields = YamlFields.parse("""
                title:
                  - a
                topics:
                  vi: chuyển đổi số
                nested:
                  - [a, b]
                facebook: page
                """, 0);

        SourceFileException title = failure(() -> fields.text("title"));
        SourceFileException topics = failure(() -> fields.textList("topics"));
        SourceFileException nested = failure(() -> fields.textList("nested"));
        SourceFileException facebook = failure(() -> fields.mapping("facebook"));

        assertEquals("dòng 1: 'title' phải là một đoạn chữ, đang là một danh sách", title.getMessage());
        assertEquals("dòng 3: 'topics' phải là một danh sách các đoạn chữ, đang là các cặp khóa: giá trị", topics.getMessage());
        assertEquals("dòng 6: 'nested' phải là một danh sách các đoạn chữ, nhưng có một danh sách trong đó", nested.getMessage());
        assertEquals("dòng 7: 'facebook' phải là các cặp khóa: giá trị, đang là 'page'", facebook.getMessage());
    }

    @Test
    void aMissingRequiredValueIsReported() {
        YamlFields fields = YamlFields.parse("kind: ARTICLE\nsummary: \"  \"\n", 1);

        SourceFileException absent = failure(() -> fields.requiredText("title"));
        SourceFileException blank = failure(() -> fields.requiredText("summary"));

        assertEquals("dòng 2: thiếu 'title'", absent.getMessage());
        assertEquals("dòng 3: thiếu 'summary'", blank.getMessage());
        assertEquals("ARTICLE", fields.requiredText("kind"));
    }

    @Test
    void aDuplicateKeyIsReportedWhereItIsRepeated() {
        SourceFileException e = failure(() -> YamlFields.parse("title: Một\nkind: ARTICLE\ntitle: Hai\n", 1));

        assertEquals(4, e.line());
        assertEquals("'title' được ghi hai lần, lần đầu ở dòng 2", e.reason());
    }

    @Test
    void aDuplicateKeyInANestedMappingIsReported() {
        YamlFields fields = YamlFields.parse("facebook:\n  pageId: 1\n  pageId: 2\n", 0);
        assertEquals(3, failure(() -> fields.mapping("facebook")).line());
    }

    @Test
    void aBadIndentationIsReportedOnTheLineThatIsOff() {
        SourceFileException e = failure(() -> YamlFields.parse("""
                title: Tin
                topics:
                  - một
                 - hai
                """, 1));

        assertEquals(5, e.line());
        assertTrue(e.reason().startsWith("YAML không hợp lệ: "), e.reason());
    }

    @Test
    void aColonInsideAnUnquotedValueIsReportedOnItsLine() {
        SourceFileException e = failure(() -> YamlFields.parse("title: Tin\nsummary: Họp: 8 giờ\n", 0));

        assertEquals(2, e.line());
        assertEquals("YAML không hợp lệ: mapping values are not allowed here", e.reason());
    }

    @Test
    void anUnclosedQuoteNamesTheLineWhereItOpened() {
        SourceFileException e = failure(() -> YamlFields.parse("title: \"Tin\nkind: ARTICLE\n", 1));
        assertTrue(e.reason().contains("bắt đầu ở dòng 2"), e.reason());
    }

    @Test
    void aTabIndentationIsReported() {
        SourceFileException e = failure(() -> YamlFields.parse("facebook:\n\tpageId: 1\n", 0));
        assertEquals(2, e.line());
    }

    @Test
    void aDocumentThatIsNotKeyValuePairsIsRefused() {
        SourceFileException list = failure(() -> YamlFields.parse("- một\n- hai\n", 1));
        SourceFileException scalar = failure(() -> YamlFields.parse("chỉ một dòng chữ", 0));

        assertEquals("dòng 2: cần các cặp khóa: giá trị", list.getMessage());
        assertEquals("cần các cặp khóa: giá trị", scalar.reason());
    }

    @Test
    void anEmptyDocumentHasNoFields() {
        YamlFields fields = YamlFields.parse("# chỉ có ghi chú\n", 3);

        assertTrue(fields.keys().isEmpty());
        assertEquals(4, fields.startLine());
        assertEquals(4, fields.line("title"));
        assertTrue(YamlFields.parse("", 0).keys().isEmpty());
    }

    @Test
    void javaClassTagsAreRefused() {
        SourceFileException e = failure(() -> YamlFields.parse(
                "title: Tin\nengine: !!javax.script.ScriptEngineManager [x]\n", 0));

        assertEquals(2, e.line());
        assertTrue(e.reason().contains("tag is not allowed"), e.reason());
    }

    @Test
    void anUnknownLineIsLeftOutOfTheMessage() {
        SourceFileException e = new SourceFileException(0, "the file is not UTF-8");
        assertEquals("the file is not UTF-8", e.getMessage());
    }

    @Test
    void aChannelFileBecomesPlainSettingsWithNumbersListsAndNestedMappings() {
        YamlFields fields = YamlFields.parse("""
                rateLimitPerMinute: 30
                builtIn: true
                stations: [{code: dong, name: Thôn Đông}]
                graph: {version: v25.0}
                note:
                """, 0);
        assertEquals(java.util.Map.of("rateLimitPerMinute", 30L, "builtIn", true,
                "stations", java.util.List.of(java.util.Map.of("code", "dong", "name", "Thôn Đông")),
                "graph", java.util.Map.of("version", "v25.0")), withoutNulls(fields.plain()));
        assertTrue(fields.plain().containsKey("note"));
        assertTrue(fields.isMapping("graph"));
        assertFalse(fields.isMapping("stations"));
    }

    private static java.util.Map<String, Object> withoutNulls(java.util.Map<String, Object> map) {
        java.util.Map<String, Object> copy = new java.util.LinkedHashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
