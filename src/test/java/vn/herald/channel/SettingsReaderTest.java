package vn.herald.channel;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The channel files' own keys as every platform reads them: the value, or a refusal naming the key in Vietnamese. */
class SettingsReaderTest {

    private final SettingsReader read = new SettingsReader("kenh", Map.of(
            "title", "  Xã Hòa An  ", "blank", " ", "retries", 3, "half", 1.5, "live", true, "word", "có",
            "tags", List.of("Hòa An", "tin xã"), "privacy", "self_only"));

    @Test
    void valuesAreReadStrippedWithTheirFallbacks() {
        assertEquals(Optional.of("Xã Hòa An"), read.text("title"));
        assertEquals("mặc định", read.text("blank", "mặc định"));
        assertEquals(3, read.number("retries", 1, 1, 10));
        assertEquals(7, read.number("missing", 7, 1, 10));
        assertEquals(true, read.flag("live", false));
        assertEquals(List.of("Hòa An", "tin xã"), read.list("tags", "[a, b]"));
        assertEquals(Optional.of("SELF_ONLY"), read.choice("privacy", List.of("SELF_ONLY", "PUBLIC_TO_EVERYONE")));
    }

    @Test
    void aWrongValueIsRefusedNamingTheKeyAndWhatItMustBe() {
        assertEquals("'retries' phải là số nguyên từ 5 đến 10, đang là '3'",
                assertThrows(BadSetting.class, () -> read.number("retries", 5, 5, 10)).problem());
        assertEquals("'half' phải là số nguyên từ 1 trở lên, đang là '1.5'",
                assertThrows(BadSetting.class, () -> read.number("half", 1, 1, Integer.MAX_VALUE)).problem(),
                "a fraction is not cut to a whole number behind the person's back");
        assertEquals("'word' phải là true hoặc false, đang là 'có'",
                assertThrows(BadSetting.class, () -> read.flag("word", false)).problem());
        assertEquals("'title' phải là một danh sách, ví dụ [a, b]",
                assertThrows(BadSetting.class, () -> read.list("title", "[a, b]")).problem());
        assertEquals("'privacy' phải là một trong PUBLIC_TO_EVERYONE, đang là 'self_only'",
                assertThrows(BadSetting.class, () -> read.choice("privacy", List.of("PUBLIC_TO_EVERYONE"))).problem());
    }
}
