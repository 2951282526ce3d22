package vn.herald.broadcast;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

@Controller("/api/loudspeaker")
@Secured(SecurityRule.IS_AUTHENTICATED)
class LoudspeakerController {

    /** A longer period would make speech for a great many items at once. */
    private static final Duration LONGEST = Duration.ofDays(31);

    private final SessionPlanner planner;
    private final Access access;
    private final Clock clock;

    LoudspeakerController(SessionPlanner planner, Access access, Clock clock) {
        this.planner = planner;
        this.access = access;
        this.clock = clock;
    }

    /**
     * The sessions starting in [from, to): a date ({@code 2027-05-17}, in the unit's zone) or an instant with its
     * offset; by default from now, for seven days.
     */
    @Get("/sessions")
    ItemList<SessionPlanner.SessionView> sessions(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        ZoneId zone = access.unit(null, "unit").zoneId();
        Instant start = from == null || from.isBlank() ? clock.instant() : instant("from", from, zone);
        Instant end = to == null || to.isBlank() ? start.plus(Duration.ofDays(7)) : instant("to", to, zone);
        if (!end.isAfter(start)) {
            throw Refusal.invalid("to", RefusalCode.RANGE_END_NOT_AFTER_START, Refusal.time(start, zone));
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw Refusal.invalid("to", RefusalCode.RANGE_TOO_LONG, LONGEST.toDays());
        }
        return ItemList.of(planner.between(start, end));
    }

    private static Instant instant(String field, String value, ZoneId zone) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, RefusalCode.DAY_OR_TIME_FORM, value);
        }
    }
}
