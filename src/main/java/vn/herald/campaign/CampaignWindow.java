package vn.herald.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The days a campaign runs, both ends included, in its unit's zone: it opens at the start of {@code start} and closes
 * at the end of {@code end}. A template's window of a year is built around that year's national day, so it may begin
 * in the year before (a day in early January with a long lead).
 */
public record CampaignWindow(LocalDate start, LocalDate end) {

    public CampaignWindow {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a window cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** The template's window around its day in {@code year}; 29 February falls on the 28th in other years. */
    public static CampaignWindow of(CampaignTemplate template, int year) {
        return around(MonthDay.parse("--" + template.day()).atYear(year), template.leadDays(), template.tailDays());
    }

    public static CampaignWindow around(LocalDate day, int leadDays, int tailDays) {
        return new CampaignWindow(day.minusDays(leadDays), day.plusDays(tailDays));
    }

    /**
     * The year whose window holds {@code today}, if one does: the window of last year's day may still be running in
     * January, and next year's may already be open in December.
     */
    public static Optional<Integer> yearOpenOn(CampaignTemplate template, LocalDate today) {
        return IntStream.rangeClosed(today.getYear() - 1, today.getYear() + 1).boxed()
                .filter(year -> of(template, year).contains(today))
                .findFirst();
    }

    /** The year of the template's window that is open on {@code today} or the next to open. */
    public static int nextYear(CampaignTemplate template, LocalDate today) {
        return yearOpenOn(template, today).orElseGet(() ->
                of(template, today.getYear()).end().isBefore(today) ? today.getYear() + 1 : today.getYear());
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    public Instant opensAt(ZoneId zone) {
        return start.atStartOfDay(zone).toInstant();
    }

    public Instant closesAt(ZoneId zone) {
        return end.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public List<LocalDate> days() {
        return start.datesUntil(end.plusDays(1)).toList();
    }
}
