package vn.herald.content;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CleanTextTest {

    @Test
    void aOneLineFieldKeepsNoControlCharacterAndLineBreaksBecomeSpaces() {
        assertEquals("Tin nóng hôm nay", CleanText.line("Tin\u0000 nóng\u0007\r\nhôm\u007F\u0085 nay"));
        assertEquals("Chuyển đổi số", CleanText.line("Chuyển\tđổi\nsố"));
    }

    @Test
    void aTextKeepsTabsAndNewlinesAndLineEndsBecomeNewlines() {
        assertEquals("Dòng một\n\tDòng hai\nDòng ba", CleanText.text("Dòng\u0000 một\r\n\tDòng hai\u001b\rDòng ba"));
    }

    @Test
    void loneSurrogatesAndNonCharactersGoButPairedOnesStay() {
        assertEquals("a b 😀", CleanText.line("a\uD800 b\uDC00 \uD83D\uDE00\uFFFE\uFFFF"));
        assertEquals("]]>", CleanText.text("]]>"));
    }
}
