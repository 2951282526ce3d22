package vn.herald.web;

import org.junit.jupiter.api.Test;
import vn.herald.content.AssetRole;
import vn.herald.content.PieceKind;
import vn.herald.content.PieceStatus;
import vn.herald.publishing.PublicationStatus;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal code has its text in both bundles, and so has every word a refusal puts into its text (what was not
 * found, a file's role, a status, a problem's title): a code added without its Vietnamese text fails here. Each file is
 * read on its own, so an English text never passes for a missing Vietnamese one.
 */
class RefusalTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** Letters only Vietnamese writes: a text without any of them was not translated. */
    private static final Pattern VIETNAMESE = Pattern.compile("[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final Properties vietnamese = load("/i18n/messages_vi.properties");
    private final Properties english = load("/i18n/messages.properties");

    @Test
    void everyRefusalCodeHasAVietnameseAndAnEnglishText() {
        List<String> missing = new ArrayList<>();
        for (RefusalCode code : RefusalCode.values()) {
            String vi = vietnamese.getProperty(code.key());
            String en = english.getProperty(code.key());
            if (vi == null || !VIETNAMESE.matcher(vi).find()) {
                missing.add(code + " has no Vietnamese text (" + code.key() + " in messages_vi.properties)");
            }
            if (en == null || VIETNAMESE.matcher(en).find()) {
                missing.add(code + " has no English text (" + code.key() + " in messages.properties)");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void bothLanguagesFillTheSameArgumentsAndEveryPatternReads() {
        for (RefusalCode code : RefusalCode.values()) {
            String vi = vietnamese.getProperty(code.key());
            String en = english.getProperty(code.key());
            assertEquals(placeholders(vi), placeholders(en), code + ": the two texts use other arguments");
            Object[] args = IntStream.range(0, 6).mapToObj(n -> "<" + n + ">").toArray();
            for (String text : List.of(vi, en)) {
                String said = new MessageFormat(text, Locale.ROOT).format(args);
                // a lone apostrophe would swallow the text after it; a brace left means an argument not filled
                assertEquals(text.split("''", -1).length - 1, said.split("'", -1).length - 1, code + ": " + said);
                assertTrue(!said.contains("{"), code + ": " + said);
                placeholders(text).forEach(n -> assertTrue(said.contains("<" + n + ">"), code + " loses {" + n + "}: " + said));
            }
        }
    }

    @Test
    void everyWordARefusalNamesIsInBothLanguages() {
        List<String> keys = new ArrayList<>();
        Arrays.stream(Refusal.Noun.values()).map(Refusal.Noun::key).forEach(keys::add);
        Arrays.stream(AssetRole.values()).map(role -> "refusal.role." + role.name()).forEach(keys::add);
        Arrays.stream(PieceStatus.values()).map(status -> "status." + status.name()).forEach(keys::add);
        Arrays.stream(PublicationStatus.values()).map(status -> "pstatus." + status.name()).forEach(keys::add);
        Arrays.stream(PieceKind.values()).map(kind -> "kind." + kind.name()).forEach(keys::add);
        Stream.concat(RefusalHandler.TITLED.stream().map(String::valueOf), Stream.of("other"))
                .map(status -> "refusal.title." + status).forEach(keys::add);
        keys.add("refusal.labelled");
        List<String> missing = keys.stream()
                .filter(key -> vietnamese.getProperty(key) == null || english.getProperty(key) == null).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void aRefusalReadsInVietnameseUnlessEnglishIsAsked() {
        Refusal refusal = Refusal.conflict(RefusalCode.REJECT_NOT_IN_REVIEW, 12, new Refusal.Word("status.DRAFT"));
        assertEquals("Tin, bài 12 đang ở trạng thái “Bản nháp”: chỉ trả lại được tin, bài đang chờ duyệt.",
                refusal.getMessage());
        assertEquals("Piece 12 is “Draft”: only a piece in review can be sent back.", refusal.message(Locale.ENGLISH));
        assertEquals("piece-not-in-review", refusal.code());
        assertEquals("Không tìm thấy tin, bài 30.", Refusal.notFound(Refusal.Noun.PIECE, 30).getMessage());
        assertEquals("No piece 30 was found.", Refusal.notFound(Refusal.Noun.PIECE, 30).message(Locale.ENGLISH));
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!found.contains(m.group(1))) {
                found.add(m.group(1));
            }
        }
        found.sort(String::compareTo);
        return found;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = RefusalTextsTest.class.getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(resource, e);
        }
        return properties;
    }
}
