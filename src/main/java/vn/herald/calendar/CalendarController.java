package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Unit;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The editorial calendar: days and backlog, gaps against the cadence rules, and filling them. */
@Controller("/api/calendar")
@Secured({"EDITOR", "APPROVER", "ADMIN"})
class CalendarController {

    /** Whoever may schedule publications (see PublicationController) may confirm a fill. */
    private static final String SCHEDULER = "EDITOR";
    private static final int MOST_AUTOFILLS = 100;

    /**
     * {@code confirm: false} (the default) proposes; {@code confirm: true} with {@code proposalId} schedules that
     * proposal exactly, and without one proposes and schedules at once.
     */
    @Serdeable
    record FillForm(@Nullable String unit, @Nullable String from, @Nullable String to, @Nullable Boolean confirm,
                    @Nullable Long proposalId) {}

    private final Calendar calendar;
    private final GapFiller filler;

    CalendarController(Calendar calendar, GapFiller filler) {
        this.calendar = calendar;
        this.filler = filler;
    }

    /** The days from {@code from} to {@code to} (dates in the unit's zone; the current month by default). */
    @Get
    Calendar.CalendarView view(@Nullable @QueryValue String unit, @Nullable @QueryValue String from,
                               @Nullable @QueryValue String to, @Nullable @QueryValue String channel) {
        Unit shown = calendar.unit(unit);
        Calendar.Range range = range(from, to, calendar.currentMonth(shown));
        return calendar.view(shown.code(), range.from(), range.to(), channel == null || channel.isBlank() ? null : channel);
    }

    @Get("/gaps")
    Calendar.GapReport gaps(@Nullable @QueryValue String unit, @Nullable @QueryValue String from,
                            @Nullable @QueryValue String to) {
        Unit shown = calendar.unit(unit);
        Calendar.Range range = range(from, to, calendar.currentMonth(shown));
        return calendar.gaps(shown.code(), range.from(), range.to());
    }

    /** Proposes pieces for the at-risk weeks (from today through the warning horizon by default), or schedules them. */
    @Post("/gaps/fill")
    GapFiller.FillView fill(@Body FillForm form, Authentication user) {
        boolean confirm = Boolean.TRUE.equals(form.confirm());
        if (confirm && !user.getRoles().contains(SCHEDULER)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, RefusalCode.CONFIRM_NEEDS_EDITOR);
        }
        if (form.proposalId() != null) {
            if (!confirm) {
                return filler.get(form.proposalId());
            }
            return filler.confirm(form.proposalId(), user.getName());
        }
        Unit unit = calendar.unit(form.unit());
        Calendar.Range range = range(form.from(), form.to(), filler.horizon(unit));
        GapFiller.FillView proposal = filler.propose(unit.code(), range.from(), range.to(), user.getName());
        return confirm ? filler.confirm(proposal.id(), user.getName()) : proposal;
    }

    @Get("/fills/{id}")
    GapFiller.FillView fillOf(long id) {
        return filler.get(id);
    }

    /** What the daily sweep filled by itself, newest first. */
    @Get("/autofills")
    ItemList<GapFiller.FillView> autofills(@Nullable @QueryValue String unit) {
        return ItemList.of(filler.autofills(calendar.unit(unit).code(), MOST_AUTOFILLS));
    }

    private static Calendar.Range range(@Nullable String from, @Nullable String to, Calendar.Range fallback) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        // one end alone keeps the default range's length
        long days = ChronoUnit.DAYS.between(fallback.from(), fallback.to());
        LocalDate end = noTo ? (noFrom ? fallback.to() : date("from", from).plusDays(days)) : date("to", to);
        LocalDate start = noFrom ? (noTo ? fallback.from() : end.minusDays(days)) : date("from", from);
        Calendar.checkRange(start, end);
        return new Calendar.Range(start, end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, RefusalCode.DATE_FORM, value);
        }
    }
}
