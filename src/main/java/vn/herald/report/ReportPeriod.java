package vn.herald.report;

import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, both ends included, and the day it is due. Administrative boundaries follow the state
 * reporting cut-off of Decree 09/2019/ND-CP: a month runs from the 15th of the month before to the 14th, six months
 * from 15 December of the year before to 14 June, a year from 15 December of the year before to 14 December.
 * Every report is due on the first 15th after its last day.
 */
@Serdeable
public record ReportPeriod(Kind kind, String label, LocalDate first, LocalDate last, LocalDate due) {

    public enum Kind { MONTH, HALF_YEAR, YEAR }

    /** Where periods start and end: the state cut-off (default) or calendar months, halves and years. */
    public enum Boundaries { ADMINISTRATIVE, CALENDAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final int CUT_OFF = 14;

    /** Reads {@code 2027-05}, {@code 2027-H1} or {@code 2027}. */
    public static ReportPeriod parse(String text, Boundaries boundaries) {
        String label = text == null ? "" : text.trim();
        Matcher month = MONTH.matcher(label);
        if (month.matches()) {
            int number = Integer.parseInt(month.group(2));
            if (number < 1 || number > 12) {
                throw Refusal.invalid("period", RefusalCode.PERIOD_MONTH_RANGE, label);
            }
            return month(YearMonth.of(year(month.group(1), label), number), boundaries);
        }
        Matcher half = HALF.matcher(label);
        if (half.matches()) {
            return half(year(half.group(1), label), Integer.parseInt(half.group(2)), boundaries);
        }
        if (YEAR.matcher(label).matches()) {
            return year(year(label, label), boundaries);
        }
        throw Refusal.invalid("period", RefusalCode.PERIOD_FORM, label);
    }

    static ReportPeriod month(YearMonth month, Boundaries boundaries) {
        String label = month.toString();
        if (boundaries == Boundaries.CALENDAR) {
            return of(Kind.MONTH, label, month.atDay(1), month.atEndOfMonth());
        }
        return of(Kind.MONTH, label, month.minusMonths(1).atDay(CUT_OFF + 1), month.atDay(CUT_OFF));
    }

    static ReportPeriod half(int year, int half, Boundaries boundaries) {
        String label = year + "-H" + half;
        if (boundaries == Boundaries.CALENDAR) {
            return half == 1 ? of(Kind.HALF_YEAR, label, LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30))
                    : of(Kind.HALF_YEAR, label, LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31));
        }
        return half == 1 ? of(Kind.HALF_YEAR, label, LocalDate.of(year - 1, 12, CUT_OFF + 1), LocalDate.of(year, 6, CUT_OFF))
                : of(Kind.HALF_YEAR, label, LocalDate.of(year, 6, CUT_OFF + 1), LocalDate.of(year, 12, CUT_OFF));
    }

    static ReportPeriod year(int year, Boundaries boundaries) {
        String label = String.valueOf(year);
        if (boundaries == Boundaries.CALENDAR) {
            return of(Kind.YEAR, label, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        return of(Kind.YEAR, label, LocalDate.of(year - 1, 12, CUT_OFF + 1), LocalDate.of(year, 12, CUT_OFF));
    }

    /** The period of this kind that follows this one. */
    ReportPeriod next(Boundaries boundaries) {
        return switch (kind) {
            case MONTH -> month(YearMonth.parse(label).plusMonths(1), boundaries);
            case HALF_YEAR -> label.endsWith("H1") ? half(yearOf(), 2, boundaries) : half(yearOf() + 1, 1, boundaries);
            case YEAR -> year(yearOf() + 1, boundaries);
        };
    }

    /** The period of this kind that comes before this one. */
    ReportPeriod previous(Boundaries boundaries) {
        return switch (kind) {
            case MONTH -> month(YearMonth.parse(label).minusMonths(1), boundaries);
            case HALF_YEAR -> label.endsWith("H2") ? half(yearOf(), 1, boundaries) : half(yearOf() - 1, 2, boundaries);
            case YEAR -> year(yearOf() - 1, boundaries);
        };
    }

    /** The period of this kind whose due date is {@code day} or the first after it. */
    static ReportPeriod dueOnOrAfter(Kind kind, LocalDate day, Boundaries boundaries) {
        // start a little before: a period's due date comes at most a month and a half after its first day
        LocalDate start = day.minusMonths(kind == Kind.MONTH ? 2 : 14);
        ReportPeriod period = switch (kind) {
            case MONTH -> month(YearMonth.from(start), boundaries);
            case HALF_YEAR -> half(start.getYear(), 1, boundaries);
            case YEAR -> year(start.getYear(), boundaries);
        };
        while (period.due.isBefore(day)) {
            period = period.next(boundaries);
        }
        return period;
    }

    /** Words for titles: "tháng 5 năm 2027", "6 tháng đầu năm 2027", "năm 2027". */
    public String title() {
        return switch (kind) {
            case MONTH -> "tháng " + YearMonth.parse(label).getMonthValue() + " năm " + yearOf();
            case HALF_YEAR -> (label.endsWith("H1") ? "6 tháng đầu năm " : "6 tháng cuối năm ") + yearOf();
            case YEAR -> "năm " + yearOf();
        };
    }

    private int yearOf() {
        return Integer.parseInt(label.substring(0, 4));
    }

    private static ReportPeriod of(Kind kind, String label, LocalDate first, LocalDate last) {
        LocalDate after = last.plusDays(1);
        LocalDate due = after.getDayOfMonth() <= 15 ? after.withDayOfMonth(15) : after.plusMonths(1).withDayOfMonth(15);
        return new ReportPeriod(kind, label, first, last, due);
    }

    private static int year(String digits, String label) {
        int year = Integer.parseInt(digits);
        if (year < 2000 || year > 2100) {
            throw Refusal.invalid("period", RefusalCode.PERIOD_YEAR_RANGE, label);
        }
        return year;
    }
}
