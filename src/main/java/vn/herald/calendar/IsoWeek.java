package vn.herald.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO week, Monday first: 2026-W53 runs from Monday 28 December 2026 to Sunday 3 January 2027. */
public record IsoWeek(int year, int week) {

    private static final Pattern LABEL = Pattern.compile("(\\d{4})-W(\\d{2})");

    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** Reads a label like 2026-W53. */
    static IsoWeek parse(String label) {
        Matcher m = LABEL.matcher(label);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an ISO week: " + label);
        }
        return new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public LocalDate sunday() {
        return monday().plusDays(6);
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    /** The week's first instant in the zone. */
    public Instant start(ZoneId zone) {
        return monday().atStartOfDay(zone).toInstant();
    }

    /** The next week's first instant: the end, exclusive. */
    public Instant end(ZoneId zone) {
        return monday().plusWeeks(1).atStartOfDay(zone).toInstant();
    }

    /** Like 2026-W53. */
    public String label() {
        return "%d-W%02d".formatted(year, week);
    }

    @Override
    public String toString() {
        return label();
    }
}
