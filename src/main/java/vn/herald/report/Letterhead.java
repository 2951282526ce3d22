package vn.herald.report;

import java.time.LocalDate;
import java.util.List;

/** The fixed words of a Vietnamese administrative document's head, shared by the HTML and Word forms. */
final class Letterhead {

    static final String NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    static final String MOTTO = "Độc lập – Tự do – Hạnh phúc";
    static final String CENTRE = "TRUNG TÂM VĂN HÓA – THỂ THAO – TRUYỀN THANH";
    private static final List<String> UNIT_WORDS = List.of("Xã ", "Phường ", "Thị trấn ", "Đặc khu ", "Tỉnh ", "Thành phố ");

    private Letterhead() {}

    /** "Hòa An, ngày 23 tháng 11 năm 2026": the place is the unit's name without "Xã", "Phường" and the like. */
    static String dateLine(String unitName, LocalDate day) {
        String place = unitName;
        for (String word : UNIT_WORDS) {
            if (place.startsWith(word)) {
                place = place.substring(word.length());
                break;
            }
        }
        return place + ", ngày " + day.getDayOfMonth() + " tháng " + day.getMonthValue() + " năm " + day.getYear();
    }

    /** A whole number as Vietnamese documents write it: 12.400 (a dot between thousands). */
    static String number(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value).replace(',', '.');
    }
}
