package vn.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReadTimeTest {

    private static String syllables(int count) {
        return "xã ".repeat(count);
    }

    @Test
    void eachSpaceSeparatedWordIsOneSyllable() {
        assertEquals(6, ReadTime.syllables("Chuyển đổi số quốc gia năm"));
    }

    @Test
    void punctuationOnlyTokensDoNotCount() {
        assertEquals(4, ReadTime.syllables("Thôn Đông - xóm Tây ... !"));
        assertEquals(3, ReadTime.syllables("Ngày 10/10, họp."));
    }

    @Test
    void aNumberCountsAsOne() {
        assertEquals(3, ReadTime.syllables("năm 2027 tới"));
    }

    @Test
    void anyWhitespaceSeparatesSyllables() {
        assertEquals(4, ReadTime.syllables("  một\nhai\tba\u00A0bốn  "));
    }

    @Test
    void blankTextHasNoSyllablesAndTakesNoTime() {
        assertEquals(0, ReadTime.syllables("   \n "));
        assertEquals(0, ReadTime.syllables(null));
        assertEquals(Duration.ZERO, ReadTime.estimate("", 180));
        assertEquals(Duration.ZERO, ReadTime.estimate(" ... - ", 180));
    }

    @Test
    void oneHundredEightySyllablesAtOneHundredEightyPerMinuteTakeAMinute() {
        assertEquals(Duration.ofSeconds(60), ReadTime.estimate(syllables(180), 180));
    }

    @Test
    void aPartSecondIsRoundedUp() {
        assertEquals(Duration.ofSeconds(61), ReadTime.estimate(syllables(181), 180));
        assertEquals(Duration.ofSeconds(1), ReadTime.estimate("một", 180));
    }

    @Test
    void aReadingSpeedBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ReadTime.estimate("một", 0));
        assertThrows(IllegalArgumentException.class, () -> ReadTime.estimate("", -5));
    }
}
