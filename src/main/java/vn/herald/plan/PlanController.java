package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import vn.herald.support.ItemList;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code /api/plans}: the plans, a plan's tasks with their state, overdue flag and progress in a period, a task's
 * state (an admin or the unit's editor), and the contributions of coordinating units (contributors too).
 */
@Controller("/api/plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
class PlanController {

    private final Plans plans;
    private final TaskProgress progress;
    private final Contributions contributions;
    private final Units units;
    private final Clock clock;

    PlanController(Plans plans, TaskProgress progress, Contributions contributions, Units units, Clock clock) {
        this.units = units;
        this.clock = clock;
        this.plans = plans;
        this.progress = progress;
        this.contributions = contributions;
    }

    /** A plan for one unit and period: the plan, its tasks as the unit marked them, and each task's progress. */
    @Serdeable
    record PlanAnswer(Plans.PlanView plan, LocalDate from, LocalDate to, List<TaskProgress.Progress> progress) {}

    @Serdeable
    record StateChange(@NotNull TaskState state, @Nullable String unit) {}

    @Get
    ItemList<Plans.PlanSummary> list() {
        return ItemList.of(plans.list());
    }

    /** {@code from}/{@code to} (days) or {@code month} (2025-06) choose the period of the progress; the current month by default. */
    @Get("/{code}")
    PlanAnswer get(String code, @Nullable @QueryValue String unit, @Nullable @QueryValue String month,
                   @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Plans.PlanView view = plans.view(code, unit);
        LocalDate[] period = period(month, from, to, view.unitCode());
        List<TaskProgress.Progress> tasks = progress.of(view.unitCode(), period[0], period[1]).stream()
                .filter(p -> p.planCode().equals(code)).toList();
        return new PlanAnswer(view, period[0], period[1], tasks);
    }

    @Post("/{code}/tasks/{task}/state")
    @Secured({"EDITOR", "ADMIN"})
    TaskView mark(String code, String task, @Body @Valid StateChange change, Authentication user) {
        return plans.mark(code, task, change.unit(), change.state(), user.getName());
    }

    @Get("/{code}/tasks/{task}/contributions")
    ItemList<ContributionRow> contributions(String code, String task) {
        return ItemList.of(contributions.of(code, task));
    }

    /** A contribution as JSON, without a photo. */
    @Post(value = "/{code}/tasks/{task}/contributions", consumes = MediaType.APPLICATION_JSON)
    @Secured({"CONTRIBUTOR", "EDITOR", "ADMIN"})
    HttpResponse<ContributionRow> contribute(String code, String task, @Body @Valid Contributions.ContributionForm form,
                                             Authentication user) {
        return HttpResponse.created(contributions.record(code, task, form, null, user.getName()));
    }

    /** A contribution with its photo, as a multipart form: the photo is stored like every upload, within the image limit. */
    @Post(value = "/{code}/tasks/{task}/contributions/photo", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"CONTRIBUTOR", "EDITOR", "ADMIN"})
    HttpResponse<ContributionRow> contributeWithPhoto(String code, String task, @Part("photo") CompletedFileUpload photo,
                                                      @Part("organisation") String organisation, @Part("doneOn") String doneOn,
                                                      @Part("what") String what, @Nullable @Part("place") String place,
                                                      @Nullable @Part("link") String link, @Nullable @Part("unit") String unit,
                                                      Authentication user) {
        Contributions.ContributionForm form = new Contributions.ContributionForm(organisation, day(doneOn, "doneOn"),
                what, place, link, unit);
        try (InputStream in = photo.getInputStream()) {
            return HttpResponse.created(contributions.record(code, task, form,
                    new Contributions.Photo(in, photo.getFilename()), user.getName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private LocalDate[] period(@Nullable String month, @Nullable String from, @Nullable String to, String unitCode) {
        if (from != null && to != null) {
            LocalDate first = day(from, "from");
            LocalDate last = day(to, "to");
            if (last.isBefore(first) || first.plusYears(1).isBefore(last)) {
                throw Refusal.invalid("to", RefusalCode.RANGE_START_AFTER_END, Refusal.day(first), Refusal.day(last));
            }
            return new LocalDate[] {first, last};
        }
        YearMonth shown;
        try {
            shown = month == null ? YearMonth.from(LocalDate.now(clock.withZone(units.zoneOf(unitCode)))) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("month", RefusalCode.PERIOD_FORM, month);
        }
        return new LocalDate[] {shown.atDay(1), shown.atEndOfMonth()};
    }

    private static LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid(field, RefusalCode.DATE_FORM, text);
        }
    }
}
