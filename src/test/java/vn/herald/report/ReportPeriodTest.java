package vn.herald.report;

import org.junit.jupiter.api.Test;
import vn.herald.support.Refusal;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.report.ReportPeriod.Boundaries.ADMINISTRATIVE;
import static vn.herald.report.ReportPeriod.Boundaries.CALENDAR;

class ReportPeriodTest {

    private static void assertPeriod(String label, ReportPeriod.Boundaries boundaries, String first, String last, String due) {
        ReportPeriod period = ReportPeriod.parse(label, boundaries);
        assertEquals(LocalDate.parse(first), period.first(), label + " first day");
        assertEquals(LocalDate.parse(last), period.last(), label + " last day");
        assertEquals(LocalDate.parse(due), period.due(), label + " due");
    }

    @Test
    void aMonthRunsFromThe15thOfTheMonthBeforeToThe14thAndIsDueOnThe15th() {
        assertPeriod("2027-05", ADMINISTRATIVE, "2027-04-15", "2027-05-14", "2027-05-15");
        assertPeriod("2027-01", ADMINISTRATIVE, "2026-12-15", "2027-01-14", "2027-01-15");
        assertPeriod("2028-03", ADMINISTRATIVE, "2028-02-15", "2028-03-14", "2028-03-15");
    }

    @Test
    void sixMonthsRunFrom15DecemberTo14JuneAndAYearTo14December() {
        assertPeriod("2027-H1", ADMINISTRATIVE, "2026-12-15", "2027-06-14", "2027-06-15");
        assertPeriod("2027-H2", ADMINISTRATIVE, "2027-06-15", "2027-12-14", "2027-12-15");
        assertPeriod("2027", ADMINISTRATIVE, "2026-12-15", "2027-12-14", "2027-12-15");
    }

    @Test
    void calendarBoundariesAreASettingAndAreDueOnTheNext15th() {
        assertPeriod("2028-02", CALENDAR, "2028-02-01", "2028-02-29", "2028-03-15");
        assertPeriod("2027-H2", CALENDAR, "2027-07-01", "2027-12-31", "2028-01-15");
        assertPeriod("2027", CALENDAR, "2027-01-01", "2027-12-31", "2028-01-15");
    }

    @Test
    void theReportsPagePicksEarlierPeriodsAcrossTheYearEnd() {
        assertEquals("2026-12", ReportPeriod.parse("2027-01", ADMINISTRATIVE).previous(ADMINISTRATIVE).label());
        assertEquals("2026-H2", ReportPeriod.parse("2027-H1", ADMINISTRATIVE).previous(ADMINISTRATIVE).label());
        assertEquals("2027-H1", ReportPeriod.parse("2027-H2", CALENDAR).previous(CALENDAR).label());
        assertEquals("2026", ReportPeriod.parse("2027", ADMINISTRATIVE).previous(ADMINISTRATIVE).label());
    }

    @Test
    void theNextDueReportIsFoundAcrossTheYearEnd() {
        LocalDate day = LocalDate.parse("2026-12-16");
        assertEquals("2027-01", ReportPeriod.dueOnOrAfter(ReportPeriod.Kind.MONTH, day, ADMINISTRATIVE).label());
        assertEquals("2027-H1", ReportPeriod.dueOnOrAfter(ReportPeriod.Kind.HALF_YEAR, day, ADMINISTRATIVE).label());
        assertEquals("2027", ReportPeriod.dueOnOrAfter(ReportPeriod.Kind.YEAR, day, ADMINISTRATIVE).label());
        assertEquals("2026", ReportPeriod.dueOnOrAfter(ReportPeriod.Kind.YEAR, LocalDate.parse("2026-12-15"), ADMINISTRATIVE).label());
    }

    @Test
    void anUnreadablePeriodIsRefusedWithTheShapesItAccepts() {
        for (String wrong : new String[] {"2027-13", "2027-H3", "05/2027", "", "1999"}) {
            Refusal refusal = assertThrows(Refusal.class, () -> ReportPeriod.parse(wrong, ADMINISTRATIVE), wrong);
            assertEquals("period", refusal.fieldErrors().get(0).field(), wrong);
            assertTrue(refusal.getMessage().contains("2027-H1 (sáu tháng)") || refusal.getMessage().contains("nhận được"),
                    refusal.getMessage());
        }
    }

    @Test
    void titlesAreVietnamese() {
        assertEquals("tháng 5 năm 2027", ReportPeriod.parse("2027-05", ADMINISTRATIVE).title());
        assertEquals("6 tháng đầu năm 2027", ReportPeriod.parse("2027-H1", ADMINISTRATIVE).title());
        assertEquals("năm 2027", ReportPeriod.parse("2027", ADMINISTRATIVE).title());
    }
}
