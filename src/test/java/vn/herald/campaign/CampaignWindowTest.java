package vn.herald.campaign;

import org.junit.jupiter.api.Test;
import vn.herald.channel.ChannelType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Campaign windows and the slots they offer, with a fixed clock in Hanoi. */
class CampaignWindowTest {

    private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    private static CampaignTemplate template(String day, int lead, int tail) {
        return new CampaignTemplate("thu", "Thử", day, lead, tail, "thu", List.of(),
                Map.of(ChannelType.FACEBOOK_PAGE, Cadence.DAILY), null);
    }

    private static Instant hanoi(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(HANOI).toInstant();
    }

    /** The loudspeakers of the seed channel: Monday to Saturday at 05:30 and 17:00, nothing on Sunday. */
    private static Optional<List<Instant>> sessions(LocalDate from, LocalDate to) {
        List<Instant> starts = new java.util.ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                starts.add(day.atTime(5, 30).atZone(HANOI).toInstant());
                starts.add(day.atTime(17, 0).atZone(HANOI).toInstant());
            }
        }
        return Optional.of(starts);
    }

    @Test
    void aWindowOpeningInDecemberBelongsToNextYearsDay() {
        CampaignTemplate newYear = template("01-03", 7, 2);
        assertEquals(new CampaignWindow(LocalDate.of(2027, 12, 27), LocalDate.of(2028, 1, 5)), CampaignWindow.of(newYear, 2028));
        assertEquals(Optional.of(2028), CampaignWindow.yearOpenOn(newYear, LocalDate.of(2027, 12, 27)));
        assertEquals(Optional.of(2028), CampaignWindow.yearOpenOn(newYear, LocalDate.of(2028, 1, 5)));
        assertEquals(Optional.empty(), CampaignWindow.yearOpenOn(newYear, LocalDate.of(2027, 12, 26)));
        assertEquals(Optional.empty(), CampaignWindow.yearOpenOn(newYear, LocalDate.of(2028, 1, 6)));
    }

    @Test
    void aWindowRunningIntoJanuaryStillBelongsToLastYearsDay() {
        CampaignTemplate yearEnd = template("12-30", 3, 5);
        assertEquals(Optional.of(2027), CampaignWindow.yearOpenOn(yearEnd, LocalDate.of(2028, 1, 4)));
        assertEquals(Optional.empty(), CampaignWindow.yearOpenOn(yearEnd, LocalDate.of(2028, 1, 5)));
    }

    @Test
    void theWindowOpensAndClosesAtMidnightInTheUnitsZone() {
        CampaignWindow window = CampaignWindow.of(template("05-18", 10, 2), 2027);
        assertEquals(Instant.parse("2027-05-07T17:00:00Z"), window.opensAt(HANOI));
        assertEquals(Instant.parse("2027-05-20T17:00:00Z"), window.closesAt(HANOI));
        assertEquals(13, window.days().size());
    }

    @Test
    void aLeapDayTemplateFallsOnTheTwentyEighthInOtherYears() {
        assertEquals(LocalDate.of(2027, 2, 28), CampaignWindow.of(template("02-29", 0, 0), 2027).start());
        assertEquals(LocalDate.of(2028, 2, 29), CampaignWindow.of(template("02-29", 0, 0), 2028).start());
    }

    @Test
    void aNationalDayOnASundayIsPostedOnlineThatDayAndCarriedByTheLoudspeakersOnSaturdayAndMonday() {
        // 10 October 2027 is a Sunday
        CampaignWindow window = CampaignWindow.around(LocalDate.of(2027, 10, 10), 1, 1);
        SlotPlan plan = new SlotPlan(window, HANOI, EIGHT, hanoi("2027-10-08T12:00:00"));

        assertEquals(List.of(hanoi("2027-10-09T08:00:00"), hanoi("2027-10-10T08:00:00"), hanoi("2027-10-11T08:00:00")),
                plan.slots(Cadence.DAILY, Optional.empty()));
        assertEquals(List.of(hanoi("2027-10-09T05:30:00"), hanoi("2027-10-11T05:30:00")),
                plan.slots(Cadence.EVERY_SESSION_DAY, sessions(window.start(), window.end())));
    }

    @Test
    void aCampaignLaunchedLatePlansNothingInThePast() {
        CampaignWindow window = CampaignWindow.around(LocalDate.of(2027, 5, 18), 10, 2);
        Instant now = hanoi("2027-05-13T10:00:00");
        SlotPlan plan = new SlotPlan(window, HANOI, EIGHT, now);

        List<Instant> daily = plan.slots(Cadence.DAILY, Optional.empty());
        assertEquals(hanoi("2027-05-14T08:00:00"), daily.get(0));
        assertEquals(7, daily.size(), "14 to 20 May");
        List<Instant> loudspeaker = plan.slots(Cadence.EVERY_SESSION_DAY, sessions(window.start(), window.end()));
        assertEquals(hanoi("2027-05-13T17:00:00"), loudspeaker.get(0), "today's evening session is still ahead");
        assertTrue(loudspeaker.stream().noneMatch(at -> at.isBefore(now)));
        assertEquals(List.of(hanoi("2027-05-14T08:00:00")), plan.slots(Cadence.FEATURED, Optional.empty()));
    }

    @Test
    void weeklyMeansTheFirstMomentOfEachWeekOfTheWindow() {
        CampaignWindow window = CampaignWindow.around(LocalDate.of(2027, 5, 18), 10, 4);
        SlotPlan plan = new SlotPlan(window, HANOI, EIGHT, hanoi("2027-05-01T00:00:00"));
        assertEquals(List.of(hanoi("2027-05-08T08:00:00"), hanoi("2027-05-15T08:00:00"), hanoi("2027-05-22T08:00:00")),
                plan.slots(Cadence.WEEKLY, Optional.empty()));
        assertEquals(List.of(hanoi("2027-05-08T05:30:00")), plan.slots(Cadence.FEATURED, sessions(window.start(), window.end())));
        assertEquals(List.of(), plan.slots(Cadence.NONE, Optional.empty()));
    }

    @Test
    void theNextWindowIsTheOneOpenTodayOrTheNextToOpen() {
        CampaignTemplate digital = template("10-10", 14, 3);
        assertEquals(2027, CampaignWindow.nextYear(digital, LocalDate.of(2027, 5, 17)), "not yet opened this year");
        assertEquals(2027, CampaignWindow.nextYear(digital, LocalDate.of(2027, 10, 13)), "its last day");
        assertEquals(2028, CampaignWindow.nextYear(digital, LocalDate.of(2027, 10, 14)), "closed: next year's");
        CampaignTemplate newYear = template("01-01", 10, 2);
        assertEquals(2028, CampaignWindow.nextYear(newYear, LocalDate.of(2027, 12, 25)), "next year's opens in December");
        assertEquals(2027, CampaignWindow.nextYear(newYear, LocalDate.of(2027, 1, 2)), "this year's still runs");
    }
}
