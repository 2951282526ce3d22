package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import vn.herald.unit.Access;
import vn.herald.unit.Units;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the centre reads them: in its own unit's zone, day first. */
@Singleton
class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final Units units;
    private final Access access;
    private final Clock clock;

    Times(Units units, Access access, Clock clock) {
        this.units = units;
        this.access = access;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** The zone of the person's own unit: every time a page shows or reads is in it. */
    ZoneId zone() {
        return units.zoneOf(unitCode());
    }

    /** The person's own unit, whose calendar the pages show. */
    String unitCode() {
        return access.reach().homeUnit();
    }

    public String show(@Nullable Instant instant) {
        return instant == null ? "" : show(instant, zone());
    }

    /** The one form of a time on the pages and in the messages they compose: 09/12/2026 07:30. */
    static String show(Instant instant, ZoneId zone) {
        return SHOWN.format(instant.atZone(zone));
    }

    /** A day as the centre writes it: 18/05/2027. */
    public String day(LocalDate date) {
        return DAY.format(date);
    }

    /** The value of a datetime-local field: what the person typed, in the centre's zone. */
    String input(Instant instant) {
        return INPUT.format(instant.atZone(zone()));
    }

    Instant parseInput(String value) {
        return LocalDateTime.parse(value, INPUT).atZone(zone()).toInstant();
    }

    /** For the pages: the same text as {@link #minutes}. */
    public String durationText(@Nullable Duration duration) {
        return minutes(duration);
    }

    /** "2:05" (minutes and seconds): durations of radio scripts and loudspeaker items. */
    static String minutes(@Nullable Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        return seconds / 60 + ":" + String.format("%02d", seconds % 60);
    }
}
