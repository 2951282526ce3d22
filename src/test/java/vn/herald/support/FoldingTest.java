package vn.herald.support;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FoldingTest {

    @Test
    void aSearchTypedWithoutDiacriticsFoldsLikeTheVietnameseText() {
        assertEquals("lua dao qua mang", Folding.fold("Lừa  đảo qua MẠNG"));
        assertEquals("cho hoa an", Folding.fold("Chợ Hòa An"));
        assertEquals("dang uy xa duc", Folding.fold("Đảng ủy xã Đức"));
    }

    @Test
    void nothingFoldsToEmpty() {
        assertEquals("", Folding.fold(null));
        assertEquals("", Folding.fold("   "));
    }
}
