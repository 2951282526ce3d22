package vn.herald.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void vietnameseDiacriticsAreRemoved() {
        assertEquals("chuyen-doi-so-quoc-gia", Slugs.slugOf("Chuyển đổi số quốc gia"));
    }

    @Test
    void punctuationBecomesSingleHyphensAndIsTrimmed() {
        assertEquals("dak-lak-binh-dan-hoc-vu-so", Slugs.slugOf("Đắk Lắk: Bình dân học vụ số!"));
        assertEquals("ngay-10-10", Slugs.slugOf("Ngày 10/10"));
        assertEquals("hoi-nghi-2027", Slugs.slugOf("  --Hội nghị ... (2027)-- "));
    }

    @Test
    void upperCaseLettersAndDStrokeAreLowered() {
        assertEquals("dong-dong-ong", Slugs.slugOf("ĐỒNG đồng ÔNG"));
        assertEquals("uy-ban-nhan-dan-xa", Slugs.slugOf("ỦY BAN NHÂN DÂN XÃ"));
    }

    @Test
    void decomposedInputGivesTheSameSlug() {
        String decomposed = java.text.Normalizer.normalize("Tiếng Việt", java.text.Normalizer.Form.NFD);
        assertEquals("tieng-viet", Slugs.slugOf(decomposed));
    }

    @Test
    void aTitleWithoutLettersOrDigitsFallsBackToBaiViet() {
        assertEquals("bai-viet", Slugs.slugOf("🎉🎉 !!!"));
        assertEquals("bai-viet", Slugs.slugOf(""));
        assertEquals("bai-viet", Slugs.slugOf("   "));
        assertEquals("bai-viet", Slugs.slugOf(null));
    }

    @Test
    void aLongTitleIsCutAtAWordBoundaryWithinEightyCharacters() {
        String title = "Hướng dẫn người dân cài đặt và kích hoạt tài khoản định danh điện tử mức độ hai "
                + "trên ứng dụng VNeID tại nhà văn hóa thôn";
        String slug = Slugs.slugOf(title);

        assertTrue(slug.length() <= 80, slug);
        assertFalse(slug.endsWith("-"), slug);
        assertEquals("huong-dan-nguoi-dan-cai-dat-va-kich-hoat-tai-khoan-dinh-danh-dien-tu-muc-do-hai", slug);
    }

    @Test
    void aCutThatFallsExactlyBeforeAHyphenKeepsTheWholeWord() {
        String eightyChars = "a".repeat(79) + "b";
        assertEquals(eightyChars, Slugs.slugOf(eightyChars + " tiếp"));
    }

    @Test
    void aSingleOverlongWordIsCutHard() {
        assertEquals("x".repeat(80), Slugs.slugOf("x".repeat(100)));
    }

    @Test
    void theFirstSlugKeepsItsNameAndLaterOnesAreNumbered() {
        assertEquals("tin-moi", Slugs.withSuffix("tin-moi", 0));
        assertEquals("tin-moi", Slugs.withSuffix("tin-moi", 1));
        assertEquals("tin-moi-2", Slugs.withSuffix("tin-moi", 2));
        assertEquals("tin-moi-15", Slugs.withSuffix("tin-moi", 15));
    }
}
