package vn.herald.report;

import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports as HTML pages for the screen and for print, with bar charts drawn as SVG on the server so a printed or
 * saved page needs no script. Thymeleaf escapes every value, so a hostile title prints as text.
 */
@Singleton
class ReportPages {

    /** A horizontal bar chart: bars sized against the largest value. */
    public record Chart(String title, List<Bar> bars) {
        static final int BAR_HEIGHT = 22;

        public int height() {
            return bars.size() * BAR_HEIGHT + 4;
        }
    }

    public record Bar(String label, int value, int percent, int y) {}

    /** A titled table of counts. */
    public record Group(String title, List<Report.Count> counts) {}

    private static final int CHART_BARS = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final TemplateEngine engine = new TemplateEngine();

    ReportPages() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("reports/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
    }

    String report(Report report) {
        ZoneId zone = ZoneId.of(report.unit().zone());
        Context context = context(zone);
        context.setVariable("r", report);
        context.setVariable("reach", report.reach().sentence());
        context.setVariable("groups", List.of(new Group("Loại nội dung", report.byKind()),
                new Group("Chủ đề", report.byTopic()), new Group("Đối tượng", report.byAudience())));
        context.setVariable("charts", List.of(
                chart("Số tin, bài đã đăng theo kênh", report.byChannel().stream()
                        .map(c -> Map.entry(c.name(), c.published())).toList()),
                chart("Theo loại nội dung", report.byKind().stream().map(c -> Map.entry(c.label(), c.count())).toList()),
                chart("Theo chủ đề (10 chủ đề nhiều nhất)", report.byTopic().stream()
                        .map(c -> Map.entry(c.label(), c.count())).toList())));
        return engine.process("report", context);
    }

    String overview(Overview overview) {
        Context context = context(ZoneId.of(overview.parent().zone()));
        context.setVariable("o", overview);
        context.setVariable("chart", chart("Số tin, bài đã đăng theo đơn vị", overview.rows().stream()
                .map(r -> Map.entry(r.unitName(), r.published())).toList()));
        return engine.process("overview", context);
    }

    private Context context(ZoneId zone) {
        Context context = new Context(Locale.forLanguageTag("vi"));
        context.setVariable("fmt", new Formats(zone));
        context.setVariable("nation", Letterhead.NATION);
        context.setVariable("motto", Letterhead.MOTTO);
        context.setVariable("centre", Letterhead.CENTRE);
        return context;
    }

    /** Date formatting in the unit's zone, for the templates. */
    public record Formats(ZoneId zone) {
        public String day(LocalDate date) {
            return DAY.format(date);
        }

        public String day(Instant instant) {
            return DAY.format(instant.atZone(zone));
        }

        public String minute(Instant instant) {
            return MINUTE.format(instant.atZone(zone));
        }

        /** The place-and-date line of an administrative document: "Hòa An, ngày 23 tháng 11 năm 2026". */
        public String dateLine(String unitName, Instant at) {
            return Letterhead.dateLine(unitName, LocalDate.ofInstant(at, zone));
        }
    }

    private static Chart chart(String title, List<Map.Entry<String, Integer>> values) {
        List<Map.Entry<String, Integer>> shown = values.stream().limit(CHART_BARS).toList();
        int max = shown.stream().mapToInt(Map.Entry::getValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            int value = shown.get(i).getValue();
            bars.add(new Bar(shown.get(i).getKey(), value, max == 0 ? 0 : Math.round(100f * value / max), i * Chart.BAR_HEIGHT));
        }
        return new Chart(title, bars);
    }
}
