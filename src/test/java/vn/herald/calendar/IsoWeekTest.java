package vn.herald.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IsoWeekTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");

    @Test
    void twentyTwentySixHasAWeekFiftyThreeThatEndsInTwentyTwentySeven() {
        IsoWeek week = IsoWeek.of(LocalDate.of(2026, 12, 31));
        assertEquals("2026-W53", week.label());
        assertEquals(LocalDate.of(2026, 12, 28), week.monday());
        assertEquals(LocalDate.of(2027, 1, 3), week.sunday());
        assertEquals(week, IsoWeek.of(LocalDate.of(2027, 1, 3)), "Sunday 3 January 2027 is still in 2026-W53");
        assertEquals("2027-W01", week.next().label());
        assertEquals(LocalDate.of(2027, 1, 4), week.next().monday());
    }

    @Test
    void aYearWithoutWeekFiftyThreeGoesFromFiftyTwoToOne() {
        IsoWeek last = IsoWeek.of(LocalDate.of(2027, 12, 31));
        assertEquals("2027-W52", last.label());
        assertEquals("2028-W01", last.next().label());
        assertEquals(LocalDate.of(2028, 1, 3), last.next().monday());
    }

    @Test
    void theLeapDayIsInTheNinthWeekOf2028() {
        IsoWeek week = IsoWeek.of(LocalDate.of(2028, 2, 29));
        assertEquals("2028-W09", week.label());
        assertEquals(LocalDate.of(2028, 2, 28), week.monday());
        assertEquals(LocalDate.of(2028, 3, 5), week.sunday());
    }

    @Test
    void aWeekStartsAtMidnightOnMondayInTheUnitsZone() {
        IsoWeek week = IsoWeek.parse("2026-W53");
        assertEquals(Instant.parse("2026-12-27T17:00:00Z"), week.start(HANOI));
        assertEquals(Instant.parse("2027-01-03T17:00:00Z"), week.end(HANOI));
    }
}
