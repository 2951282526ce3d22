package vn.herald.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import vn.herald.report.Overview;
import vn.herald.report.Report;
import vn.herald.report.ReportNotes;
import vn.herald.report.ReportPeriod;
import vn.herald.report.Reports;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reports in the app: pick a unit and a Decree 09 period (month, six months, year), read the report in the page and
 * download it as Word or CSV from the reports API; a unit with units below it (a province) sees them side by side.
 */
@Controller("/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Produces(MediaType.TEXT_HTML)
class ReportsPage {

    /** A period in the picker: its label for the API and its words with its days. */
    record Choice(String label, String text, boolean selected) {}

    /** A group of the picker: months, six months or years. */
    record ChoiceGroup(String kind, List<Choice> choices) {}

    /** A unit in the picker. */
    record UnitChoice(String code, String name, boolean selected) {}

    /** The prefix of a task's problems-and-proposals field: {@code task:<plan>/<task>}. */
    static final String TASK_FIELD = "task:";

    private final Reports reports;
    private final ReportNotes notes;
    private final Units units;
    private final Times times;
    private final PageForms forms;

    ReportsPage(Reports reports, ReportNotes notes, Units units, Times times, PageForms forms) {
        this.reports = reports;
        this.notes = notes;
        this.units = units;
        this.times = times;
        this.forms = forms;
    }

    @Get
    ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String unit, @Nullable @QueryValue String period,
                                           @Nullable @QueryValue String ok, @Nullable @QueryValue String loi,
                                           Authentication user) {
        return page(unit, period, ok, loi, Map.of(), user);
    }

    /** The page; {@code typed} are problems and proposals typed but refused, shown instead of the saved ones. */
    private ModelAndView<Map<String, Object>> page(@Nullable String unit, @Nullable String period, @Nullable String ok,
                                                   @Nullable String loi, Map<String, String> typed, Authentication user) {
        String home = times.unitCode();
        Map<ReportPeriod.Kind, List<ReportPeriod>> choices = reports.choices(unit);
        String chosen = period == null || period.isBlank() ? choices.get(ReportPeriod.Kind.MONTH).get(0).label() : period.strip();
        Report report = reports.report(unit, chosen);
        String shown = report.unit().code();
        List<Unit> below = units.list().stream().filter(u -> home.equals(u.parentCode())).toList();

        Map<String, Object> model = Page.model(user, "reports");
        model.put("report", report);
        model.put("groups", choices.entrySet().stream().map(e -> new ChoiceGroup(e.getKey().name(), e.getValue().stream()
                .map(p -> new Choice(p.label(), text(p), p.label().equals(report.period().label()))).toList())).toList());
        model.put("units", below.isEmpty() ? List.of() : Stream.concat(
                units.find(home).stream(), below.stream())
                .map(u -> new UnitChoice(u.code(), u.name(), u.code().equals(shown))).toList());
        String query = "unit=" + encode(shown) + "&period=" + encode(report.period().label());
        model.put("docx", "/api/reports?" + query + "&format=docx");
        model.put("csv", "/api/reports?" + query + "&format=csv");
        model.put("print", "/api/reports?" + query + "&format=html");
        if (!below.isEmpty()) {
            Overview overview = reports.overview(home, report.period().label(), Overview.Sort.TARGETS, false);
            String overviewQuery = "unit=" + encode(home) + "&period=" + encode(report.period().label()) + "&sort=targets";
            model.put("overview", overview);
            model.put("overviewDocx", "/api/overview?" + overviewQuery + "&format=docx");
            model.put("overviewCsv", "/api/overview?" + overviewQuery + "&format=csv");
        }
        model.put("times", times);
        model.put("ok", ok);
        model.put("error", loi);
        model.put("typed", typed);
        return Page.view("reports", model);
    }

    /**
     * Saves the problems and proposals typed on the page: the general block ({@code general}) and one per task
     * ({@code task:<plan>/<task>}); a blank one is removed. The report and its exports carry them from then on.
     */
    @Post("/notes")
    @Secured({"EDITOR", "ADMIN"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> saveNotes(@Body Map<String, String> fields, Authentication user) {
        String unit = fields.get("unit");
        String period = fields.get("period");
        String back = "/reports?unit=" + encode(unit == null ? "" : unit) + "&period=" + encode(period == null ? "" : period);
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.equals("general")) {
                texts.put(ReportNotes.GENERAL, value);
            } else if (name.startsWith(TASK_FIELD)) {
                texts.put(name.substring(TASK_FIELD.length()), value);
            }
        });
        return forms.handle(user, fields.get("csrfToken"), () -> {
            notes.save(unit, period == null ? "" : period, texts, user.getName());
            return HttpResponse.seeOther(URI.create(back + "&ok=reportNotesSaved#notes"));
        }, refusal -> HttpResponse.badRequest(page(unit, period, null, PageForms.message(refusal), texts, user)));
    }

    /** "Tháng 5 năm 2027 (15/04/2027 – 14/05/2027)". */
    private String text(ReportPeriod period) {
        String title = period.title();
        return Character.toUpperCase(title.charAt(0)) + title.substring(1) + " (" + times.day(period.first()) + " – "
                + times.day(period.last()) + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
