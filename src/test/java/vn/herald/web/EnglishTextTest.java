package vn.herald.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnglishTextTest {

    @Test
    void theDeveloperLanguageOfOldRefusalsIsFound() {
        assertEquals(3, EnglishText.in("Không lưu được: must not be blank").size(), "'must', 'not' and 'blank'");
        assertTrue(!EnglishText.in("piece 4 is at revision 3 but you edited revision 2").isEmpty());
        assertTrue(!EnglishText.in("Lên lịch lúc 2026-12-09T00:30:00Z").isEmpty());
        assertTrue(!EnglishText.in("Kết quả: DRY_RUN").isEmpty());
        assertTrue(!EnglishText.in("./data/speech-cache/a.part (No such file or directory)").isEmpty());
    }

    @Test
    void vietnameseTextAndCommuneNamesPass() {
        assertEquals(0, EnglishText.in("Xã Hòa An · Lên lịch lúc 09/12/2026 07:30 trên Facebook và Zalo. "
                + "Tin, bài đã được duyệt. Loa to ở thôn An Hòa, ấp Tân An.").size());
    }
}
