package vn.herald.channel.loudspeaker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The weekly sessions of a channel laid out on real days in the unit's zone. */
public record SessionCalendar(List<LoudspeakerSettings.SessionRule> rules, ZoneId zone) {

    /** The session a publication planned at this instant lands in: the next one starting at or after it. */
    public Session landing(Instant plannedAt) {
        LocalDate day = plannedAt.atZone(zone).toLocalDate();
        // every rule has at least one day, so a week and a day always hold a session
        return sessionsOn(day, day.plusDays(8)).stream()
                .filter(session -> !session.start().isBefore(plannedAt))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session in the week after " + plannedAt));
    }

    /** The session right after this one. */
    public Session next(Session session) {
        return landing(session.start().plusSeconds(1));
    }

    /** The session before this one (publications planned after it and up to this start land in this one). */
    public Session previous(Session session) {
        LocalDate day = session.localStart().toLocalDate();
        return sessionsOn(day.minusDays(8), day.plusDays(1)).stream()
                .filter(s -> s.start().isBefore(session.start()))
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no session in the week before " + session.start()));
    }

    /** Every session starting in [from, to). */
    public List<Session> between(Instant from, Instant to) {
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        return sessionsOn(first, last).stream()
                .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                .toList();
    }

    /** Sessions on the days in [from, to], in order. */
    private List<Session> sessionsOn(LocalDate from, LocalDate to) {
        List<Session> sessions = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (LoudspeakerSettings.SessionRule rule : rules) {
                if (rule.days().contains(day.getDayOfWeek())) {
                    ZonedDateTime start = day.atTime(rule.start()).atZone(zone);
                    sessions.add(new Session(day.atTime(rule.start()), start.toInstant(),
                            start.plusMinutes(rule.minutes()).toInstant()));
                }
            }
        }
        sessions.sort(Comparator.comparing(Session::start));
        return sessions;
    }
}
