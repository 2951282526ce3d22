package vn.herald.content;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input at scale: thousands of generated files, HTML fragments and titles. The importer answers every file with
 * a piece or a reason on a line of that file, the sanitiser lets nothing active through and is stable, and a slug is
 * always a clean URL segment.
 */
class ContentPropertiesTest {

    private static final String VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
            + "AĂÂĐÊÔƠƯÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
    private static final Set<String> ACTIVE_TAGS = Set.of("script", "iframe", "svg", "object", "embed", "form", "style",
            "math", "base", "link", "meta", "input", "button", "textarea", "frame", "frameset");

    private final HtmlText html = new HtmlText();

    // --- the front-matter importer

    @Property(tries = 2000)
    void anyFileTextIsParsedOrRefusedWithALineOfThatFile(@ForAll("fileTexts") String text) {
        int lines = text.split("\r\n|\r|\n", -1).length;
        try {
            FrontMatterDocument document = FrontMatterDocument.parse(text);
            YamlFields fields = document.fields();
            for (String key : fields.keys()) {
                int line = fields.line(key);
                assertTrue(line >= 2 && line <= lines, "key '" + key + "' reported on line " + line + " of " + lines);
                readEveryWay(fields, key);
            }
            assertTrue(document.bodyStartLine() >= 2 && document.bodyStartLine() <= lines + 1,
                    "body starts on line " + document.bodyStartLine() + " of " + lines);
        } catch (SourceFileException e) {
            assertTrue(e.line() >= 0 && e.line() <= lines, "error on line " + e.line() + " of " + lines + ": " + e.getMessage());
            assertFalse(e.reason() == null || e.reason().isBlank(), "an error without a reason");
        }
    }

    /** Every typed reading of a key either answers or says what is wrong, on the key's line. */
    private static void readEveryWay(YamlFields fields, String key) {
        List<Runnable> readings = List.of(
                () -> fields.text(key),
                () -> fields.textList(key),
                () -> fields.mapping(key),
                () -> fields.integer(key),
                () -> fields.date(key),
                () -> fields.enumValue(key, PieceStatus.class));
        for (Runnable reading : readings) {
            try {
                reading.run();
            } catch (SourceFileException e) {
                assertTrue(e.line() > 0, "error without a line for '" + key + "': " + e.getMessage());
            }
        }
    }

    @Property(tries = 500)
    void aWellFormedFileKeepsItsTitleTopicsAndBody(@ForAll("titles") String title, @ForAll("titles") String topic,
                                                    @ForAll("bodies") String body) {
        String text = "---\ntitle: " + quoted(title) + "\ntopics: [" + quoted(topic) + "]\n---\n\n" + body;
        FrontMatterDocument document = FrontMatterDocument.parse(text);
        assertEquals(title.strip(), document.fields().requiredText("title"));
        assertEquals(List.of(topic.strip()), document.fields().textList("topics"));
        assertEquals(body.strip(), document.body().strip());
        assertEquals(2, document.fields().line("title"));
        assertEquals(3, document.fields().line("topics"));
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Provide
    Arbitrary<String> fileTexts() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Arbitraries.of("---", "...", "", " ", "title: Tin mới", "title:", "topics: [a, b", "topics:\n  - x\n  - y",
                        "variants:\n  facebook:\n    text: t", "status: APPROVED", "status: [1, 2]", "a: b: c", "- item",
                        "? complex", "key: &anchor value", "other: *anchor", "other: *missing", "!!binary x", "tab:\tvalue",
                        "date: 2027-02-30", "title: 'open", "title: \"x\\q\"", "{a: 1}", "[1, 2]", "key: |", "  folded",
                        "\uFEFF---", "\t- x", "# comment", "title: !!java.lang.Runtime x", "%YAML 1.1", "<<: {a: 1}"),
                Arbitraries.strings().withChars(VIETNAMESE + ":-[]{}#&*!|>'\"%@` \t\\,?").ofMaxLength(30),
                Arbitraries.strings().all().ofMaxLength(12));
        Arbitrary<String> separator = Arbitraries.of("\n", "\r\n", "\r");
        return Combinators.combine(line.list().ofMaxSize(12), separator).as((lines, sep) -> String.join(sep, lines))
                .injectDuplicates(0.05);
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().withChars(VIETNAMESE + " :-#'\"[]{},&*!?%@0123456789").ofMinLength(1).ofMaxLength(60)
                .filter(s -> !s.isBlank());
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.strings().withChars(VIETNAMESE + " \n#-*_[]()0123456789").ofMaxLength(200);
    }

    // --- the HTML sanitiser

    @Property(tries = 2000)
    void nothingActiveSurvivesTheSanitiser(@ForAll("hostileHtml") String input) {
        String cleaned = html.sanitise(input);
        for (Element element : Jsoup.parseBodyFragment(cleaned).body().getAllElements()) {
            assertFalse(ACTIVE_TAGS.contains(element.normalName()), () -> "<" + element.normalName() + "> survived: " + cleaned);
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().replaceAll("[\\s\\x00-\\x1f]", "").toLowerCase(Locale.ROOT);
                assertFalse(name.startsWith("on") || name.equals("style") || name.equals("srcdoc"),
                        () -> "attribute " + name + " survived: " + cleaned);
                assertFalse(value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:"),
                        () -> "URL " + attribute.getValue() + " survived: " + cleaned);
            }
        }
    }

    @Property(tries = 2000)
    void sanitisingTwiceChangesNothingMore(@ForAll("hostileHtml") String input) {
        String once = html.sanitise(input);
        assertEquals(once, html.sanitise(once), () -> "input: " + input);
    }

    @Example
    void aDroppedMathWrapperLeavesNoParagraphInsideAParagraph() {
        String cleaned = html.sanitise("<p>Tin<math><mi xlink:href=\"javascript:1\"><p>mới");
        assertEquals(cleaned, html.sanitise(cleaned));
        assertFalse(cleaned.contains("<p><p>"), cleaned);
        assertTrue(cleaned.contains("Tin") && cleaned.contains("mới"), cleaned);
    }

    @Property(tries = 1000)
    void markdownOfAnyTextBecomesHarmlessHtml(@ForAll("hostileHtml") String markdown) {
        String rendered = html.markdownToHtml(markdown);
        assertEquals(rendered, html.sanitise(rendered), () -> "markdown: " + markdown);
        assertFalse(rendered.toLowerCase(Locale.ROOT).contains("<script"), rendered);
    }

    @Provide
    Arbitrary<String> hostileHtml() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("<p>", "</p>", "<script>", "</script>", "alert(1)", "<img src=x onerror=alert(1)>",
                        "<a href=\"javascript:alert(1)\">", "<a href=\"jav&#x09;ascript:alert(1)\">", "<a href=\" javascript:x\">",
                        "</a>", "<iframe src=//evil>", "<svg onload=alert(1)>", "<math><mi xlink:href=\"javascript:1\">",
                        "<style>*{}</style>", "<div style=\"x:expression(1)\">", "</div>", "<table>", "<tr><td>", "</table>",
                        "<ul><li>", "</ul>", "<figure><img src=\"/a.png\" alt=\"ảnh\"><figcaption>", "</figure>",
                        "<b>", "</b>", "<i>", "<!--", "-->", "<![CDATA[", "]]>", "<base href=//evil>", "<form action=x>",
                        "<input autofocus onfocus=alert(1)>", "<a href=\"data:text/html,<script>\">", "<p title=\"x\" onclick=y>",
                        "&lt;script&gt;", "&amp;", "<", ">", "\"", "'", "=", "<noscript><p title=\"</noscript><img src=x onerror=1>\">",
                        "<object data=x>", "<embed src=x>", "<h2>", "</h2>", "<pre><code>", "</code></pre>", "<blockquote>",
                        "<a href=\"https://cong.gov.vn/a?b=1&c=2\">", "<img src=\"https://x.vn/a.png\" onload=1>", "<br>",
                        "<select><option>", "<textarea>", "<template><script>", "</template>", "<p><p><p>", "\u0000"),
                Arbitraries.strings().withChars(VIETNAMESE + " <>/=\"'&;!-").ofMaxLength(15));
        return piece.list().ofMaxSize(15).map(parts -> String.join("", parts));
    }

    // --- the slugger

    @Property(tries = 3000)
    void aSlugIsAlwaysACleanShortUrlSegment(@ForAll("anyTitles") String title) {
        String slug = Slugs.slugOf(title);
        assertTrue(slug.matches("[a-z0-9]+(-[a-z0-9]+)*"), () -> "slug '" + slug + "' of '" + title + "'");
        assertTrue(slug.length() <= 80, () -> slug.length() + " characters: " + slug);
        assertEquals(slug, Slugs.slugOf(slug), "a slug is its own slug");
    }

    @Property(tries = 1000)
    void everyVietnameseLetterBecomesOneLatinLetter(@ForAll("vietnameseWords") String word) {
        String slug = Slugs.slugOf(word);
        assertEquals(word.length(), slug.length(), () -> "'" + word + "' became '" + slug + "'");
    }

    @Property(tries = 500)
    void theSuffixedSlugsOfOneTitleAreAllDifferent(@ForAll("anyTitles") String title) {
        String slug = Slugs.slugOf(title);
        Set<String> seen = new java.util.HashSet<>();
        for (int n = 1; n <= 5; n++) {
            assertTrue(seen.add(Slugs.withSuffix(slug, n)), "duplicate suffix slug for " + slug);
        }
    }

    @Provide
    Arbitrary<String> anyTitles() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.strings().withChars(VIETNAMESE + " -_.,!?/\\0123456789\u0300\u0301\u0303\u0309\u0323").ofMaxLength(200),
                Arbitraries.strings().withChars("-- ").ofMaxLength(100));
    }

    @Provide
    Arbitrary<String> vietnameseWords() {
        return Arbitraries.strings().withChars(VIETNAMESE).ofMinLength(1).ofMaxLength(40);
    }
}
