package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import vn.herald.plan.ContributionRow;
import vn.herald.plan.Contributions;
import vn.herald.plan.PlanTask;
import vn.herald.plan.Plans;
import vn.herald.plan.TaskProgress;
import vn.herald.plan.TaskState;
import vn.herald.plan.TaskView;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plans pages: the plans a unit carries, a plan's tasks with their state, deadline and progress in a month, the
 * state form (an admin or the unit's editor), and a task's contributions with the form coordinating units use.
 */
@Controller("/plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class PlanPages {

    private final Plans plans;
    private final TaskProgress progress;
    private final Contributions contributions;
    private final Times times;
    private final PageForms forms;

    PlanPages(Plans plans, TaskProgress progress, Contributions contributions, Times times, PageForms forms) {
        this.plans = plans;
        this.progress = progress;
        this.contributions = contributions;
        this.times = times;
        this.forms = forms;
    }

    /** One task as the page shows it: the task, its state, and its progress in the month shown. */
    record TaskRow(TaskView view, TaskProgress.Progress progress, List<String> outputs) {}

    @Get
    ModelAndView<Map<String, Object>> list(Authentication user) {
        Map<String, Object> model = Page.model(user, "plans");
        model.put("plans", plans.list());
        model.put("times", times);
        return Page.view("plans", model);
    }

    @Get("/{code}")
    ModelAndView<Map<String, Object>> plan(String code, @Nullable @QueryValue("thang") String month,
                                           @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        Plans.PlanView view = plans.view(code, null);
        YearMonth shown = month(month);
        Map<String, TaskProgress.Progress> byTask = progress.of(view.unitCode(), shown.atDay(1), shown.atEndOfMonth()).stream()
                .filter(p -> p.planCode().equals(code))
                .collect(Collectors.toMap(p -> p.task().code(), Function.identity()));
        List<TaskRow> rows = view.tasks().stream().map(t -> new TaskRow(t, byTask.get(t.task().code()),
                byTask.get(t.task().code()).outputs().stream().map(PlanPages::outputText).toList())).toList();
        Map<String, Object> model = Page.model(user, "plans");
        model.put("view", view);
        model.put("p", view.plan());
        model.put("rows", rows);
        model.put("month", shown.getMonthValue() + "/" + shown.getYear());
        model.put("previous", shown.minusMonths(1).toString());
        model.put("next", shown.plusMonths(1).toString());
        model.put("states", TaskState.values());
        model.put("times", times);
        model.put("ok", ok);
        model.put("error", loi);
        return Page.view("plan", model);
    }

    @Get("/{code}/tasks/{task}")
    ModelAndView<Map<String, Object>> task(String code, String task, @Nullable @QueryValue String ok,
                                           @Nullable @QueryValue String loi, Authentication user) {
        Plans.PlanView view = plans.view(code, null);
        TaskView shown = view.tasks().stream().filter(t -> t.task().code().equals(task)).findFirst()
                .orElseThrow(() -> Refusal.notFound(Refusal.Noun.PLAN, code + "/" + task));
        List<ContributionRow> entries = contributions.of(code, task);
        Map<Long, String> photos = new LinkedHashMap<>();
        entries.forEach(c -> {
            String address = contributions.photoAddress(c);
            if (address != null) {
                photos.put(c.id(), address);
            }
        });
        Map<String, Object> model = Page.model(user, "plans");
        model.put("p", view.plan());
        model.put("t", shown);
        model.put("contributions", entries);
        model.put("photos", photos);
        model.put("today", times.now().atZone(times.zone()).toLocalDate().toString());
        model.put("times", times);
        model.put("ok", ok);
        model.put("error", loi);
        return Page.view("plan-task", model);
    }

    @Serdeable
    record StateFields(@Nullable String state, @Nullable String csrfToken) {}

    @Post("/{code}/tasks/{task}/state")
    @Secured({"EDITOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> mark(String code, String task, @Body StateFields fields, Authentication user) {
        String back = "/plans/" + code;
        return forms.handle(user, fields.csrfToken(), () -> {
            plans.mark(code, task, null, state(fields.state()), user.getName());
            return HttpResponse.seeOther(URI.create(back + "?ok=taskState#task-" + task));
        }, back);
    }

    @Post(value = "/{code}/tasks/{task}/contributions", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured({"CONTRIBUTOR", "EDITOR", "ADMIN"})
    HttpResponse<?> contribute(String code, String task, @Nullable @Part("organisation") String organisation,
                               @Nullable @Part("doneOn") String doneOn, @Nullable @Part("what") String what,
                               @Nullable @Part("place") String place, @Nullable @Part("link") String link,
                               @Nullable @Part("photo") CompletedFileUpload photo, @Nullable @Part("csrfToken") String token,
                               Authentication user) {
        String back = "/plans/" + code + "/tasks/" + task;
        return forms.handle(user, token, () -> {
            Contributions.ContributionForm form = new Contributions.ContributionForm(required(organisation, "organisation"),
                    day(doneOn), required(what, "what"), place, link, null);
            boolean withPhoto = photo != null && photo.getSize() > 0;
            try (InputStream in = withPhoto ? photo.getInputStream() : InputStream.nullInputStream()) {
                contributions.record(code, task, form, withPhoto ? new Contributions.Photo(in, photo.getFilename()) : null,
                        user.getName());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return HttpResponse.seeOther(URI.create(back + "?ok=contributionRecorded"));
        }, back);
    }

    /** An output as a person reads it, with what was achieved in the month when it is measured. */
    private static String outputText(TaskProgress.OutputProgress output) {
        if (output.expected() == null) {
            return output.output().text();
        }
        String unit = switch (output.output().per() == null ? PlanTask.Per.PERIOD : output.output().per()) {
            case WEEK -> "tuần đạt";
            case MONTH -> "tháng đạt";
            case PERIOD -> "đã có";
        };
        return output.output().text() + ": " + output.achieved() + "/" + output.expected() + " " + unit;
    }

    private YearMonth month(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(times.now().atZone(times.zone()));
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("thang", RefusalCode.PERIOD_FORM, text);
        }
    }

    private static TaskState state(@Nullable String text) {
        try {
            return TaskState.valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("state", RefusalCode.TASK_STATE_UNKNOWN, text == null ? "" : text);
        }
    }

    private static String required(@Nullable String text, String field) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(field, RefusalCode.CONTRIBUTION_REQUIRED);
        }
        return text;
    }

    private static LocalDate day(@Nullable String text) {
        try {
            return LocalDate.parse(text == null ? "" : text.strip());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("doneOn", RefusalCode.DATE_FORM, text == null ? "" : text);
        }
    }
}
