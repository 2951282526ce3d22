package vn.herald.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When a channel carries a campaign during its window. Each day of the window offers one moment: the publish time
 * on a channel that posts whenever asked (every day, weekends included: people read Facebook and Zalo on Sundays
 * too), the first session of the day still ahead on a channel that broadcasts in sessions (a loudspeaker day without
 * a session, such as a Sunday, offers none; a national day on a Sunday is carried by the sessions around it). Only
 * moments at or after {@code now} are offered: a campaign launched late never plans the past. The cadence picks from
 * them.
 */
public record SlotPlan(CampaignWindow window, ZoneId zone, LocalTime publishTime, Instant now) {

    /**
     * @param sessionStarts the channel's session starts during the window, or empty for a channel without sessions
     */
    public List<Instant> slots(Cadence cadence, Optional<List<Instant>> sessionStarts) {
        Map<LocalDate, Instant> byDay = moments(sessionStarts);
        List<Instant> ahead = List.copyOf(byDay.values());
        return switch (cadence) {
            case NONE -> List.of();
            case DAILY, EVERY_SESSION_DAY -> ahead;
            // the portal features the campaign from its first moment on, for the whole window
            case FEATURED -> ahead.isEmpty() ? List.of() : List.of(ahead.get(0));
            case WEEKLY -> weekly(byDay);
        };
    }

    /** One moment a week, weeks counted from the window's first day: the first moment of each week still ahead. */
    private List<Instant> weekly(Map<LocalDate, Instant> byDay) {
        Map<Long, Instant> firstOfWeek = new LinkedHashMap<>();
        byDay.forEach((day, at) -> firstOfWeek.putIfAbsent(ChronoUnit.DAYS.between(window.start(), day) / 7, at));
        return List.copyOf(firstOfWeek.values());
    }

    private Map<LocalDate, Instant> moments(Optional<List<Instant>> sessionStarts) {
        Map<LocalDate, Instant> byDay = new LinkedHashMap<>();
        if (sessionStarts.isPresent()) {
            List<Instant> starts = new ArrayList<>(sessionStarts.get());
            starts.sort(null);
            for (Instant start : starts) {
                LocalDate day = start.atZone(zone).toLocalDate();
                if (window.contains(day) && !start.isBefore(now)) {
                    byDay.putIfAbsent(day, start);
                }
            }
            return byDay;
        }
        for (LocalDate day : window.days()) {
            Instant at = day.atTime(publishTime).atZone(zone).toInstant();
            if (!at.isBefore(now)) {
                byDay.put(day, at);
            }
        }
        return byDay;
    }
}
