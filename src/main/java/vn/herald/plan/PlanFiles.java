package vn.herald.plan;

import vn.herald.channel.ChannelType;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;
import vn.herald.support.Folding;
import vn.herald.support.Refusal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one plan file into a {@link Plan}: every key checked, every error naming the line and the key, in Vietnamese.
 * Pure: whether the plan's unit exists is asked through {@code unitExists}.
 */
final class PlanFiles {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final Pattern MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern DAY = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})\\s*%?");
    private static final Set<String> PLAN_KEYS = Set.of("code", "unit", "number", "issued", "issuer", "title", "period",
            "targets", "tasks");
    private static final Set<String> PERIOD_KEYS = Set.of("from", "to");
    private static final Set<String> TARGET_KEYS = Set.of("code", "title", "measure", "goal", "by");
    private static final Set<String> TASK_KEYS = Set.of("code", "title", "lead", "with", "deadline", "outputs");
    private static final Set<String> OUTPUT_KEYS = Set.of("channel", "topic", "atLeast", "per", "section",
            "contributions", "text");
    private static final int MAX_TASKS = 200;

    private PlanFiles() {}

    static Plan parse(YamlFields fields, Path file, String defaultUnit, Predicate<String> unitExists) {
        keys(fields, PLAN_KEYS, "kế hoạch");
        String fileName = file.getFileName().toString();
        String expectedCode = fileName.substring(0, fileName.lastIndexOf('.'));
        String code = fields.text("code").orElse(expectedCode);
        if (!CODE.matcher(code).matches()) {
            throw new SourceFileException(fields.line("code"), "'code' chỉ gồm chữ thường không dấu, chữ số và '-', đang là '" + code + "'");
        }
        if (!code.equals(expectedCode)) {
            throw new SourceFileException(fields.line("code"), "'code' là '" + code + "' nhưng tệp tên là " + fileName
                    + ": hãy đặt tên tệp là " + code + ".yml");
        }
        String unit = fields.text("unit").orElse(defaultUnit);
        if (!unitExists.test(unit)) {
            throw new SourceFileException(fields.line("unit"), "'unit' ghi '" + unit + "', không phải mã của đơn vị nào");
        }
        String number = fields.requiredText("number");
        LocalDate issued = day(fields, "issued").orElseThrow(() -> missing(fields, "issued"));
        String issuer = fields.requiredText("issuer");
        String title = fields.requiredText("title");
        YamlFields period = fields.mapping("period").orElseThrow(() -> new SourceFileException(fields.line("period"),
                "thiếu 'period': hãy ghi kế hoạch chạy từ ngày nào ('from') đến ngày nào ('to')"));
        keys(period, PERIOD_KEYS, "'period'");
        LocalDate from = day(period, "from").orElseThrow(() -> missing(period, "from"));
        LocalDate to = day(period, "to").orElseThrow(() -> missing(period, "to"));
        if (to.isBefore(from)) {
            throw new SourceFileException(period.line("to"), "'to' (" + Refusal.day(to) + ") trước 'from' (" + Refusal.day(from) + ")");
        }
        List<Plan.PlanTarget> targets = new ArrayList<>();
        Set<String> targetCodes = new HashSet<>();
        for (YamlFields.Item item : fields.items("targets")) {
            YamlFields target = mapping(item, "targets");
            Plan.PlanTarget parsed = target(target);
            if (!targetCodes.add(parsed.code())) {
                throw new SourceFileException(target.line("code"), "mục tiêu '" + parsed.code() + "' được ghi hai lần");
            }
            targets.add(parsed);
        }
        List<YamlFields.Item> taskItems = fields.items("tasks");
        if (taskItems.isEmpty()) {
            throw new SourceFileException(fields.line("tasks"), "thiếu 'tasks': kế hoạch cần ít nhất một nhiệm vụ");
        }
        if (taskItems.size() > MAX_TASKS) {
            throw new SourceFileException(fields.line("tasks"), "kế hoạch có " + taskItems.size()
                    + " nhiệm vụ, nhiều hơn " + MAX_TASKS + " nhiệm vụ Herald nhận");
        }
        List<PlanTask> tasks = new ArrayList<>();
        Set<String> taskCodes = new HashSet<>();
        for (YamlFields.Item item : taskItems) {
            YamlFields task = mapping(item, "tasks");
            PlanTask parsed = task(task, tasks.size() + 1);
            if (!taskCodes.add(parsed.code())) {
                throw new SourceFileException(task.line("code"), "nhiệm vụ '" + parsed.code() + "' được ghi hai lần");
            }
            tasks.add(parsed);
        }
        return new Plan(code, unit, number, issued, issuer, title, from, to, List.copyOf(targets), List.copyOf(tasks));
    }

    private static Plan.PlanTarget target(YamlFields target) {
        keys(target, TARGET_KEYS, "mục tiêu");
        String code = code(target);
        String title = target.requiredText("title");
        Plan.Measure measure = target.enumValue("measure", Plan.Measure.class).orElse(Plan.Measure.OTHER);
        Integer goal = target.text("goal").map(text -> {
            Matcher percent = PERCENT.matcher(text);
            if (!percent.matches() || Integer.parseInt(percent.group(1)) > 100) {
                throw new SourceFileException(target.line("goal"), "'goal' phải là một tỉ lệ từ 0% đến 100%, ví dụ 80%, đang là '" + text + "'");
            }
            return Integer.valueOf(percent.group(1));
        }).orElse(null);
        LocalDate by = target.text("by").map(text -> YEAR.matcher(text).matches()
                ? LocalDate.of(Integer.parseInt(text), 12, 31) : day(target, "by").orElseThrow()).orElse(null);
        return new Plan.PlanTarget(code, title, measure, goal, by);
    }

    private static PlanTask task(YamlFields task, int position) {
        keys(task, TASK_KEYS, "nhiệm vụ");
        String code = code(task);
        String title = task.requiredText("title");
        String lead = task.requiredText("lead");
        List<String> coordinating = task.textList("with");
        PlanTask.Deadline deadline = deadline(task);
        List<PlanTask.ExpectedOutput> outputs = new ArrayList<>();
        for (YamlFields.Item item : task.items("outputs")) {
            outputs.add(item.text().map(text -> new PlanTask.ExpectedOutput(PlanTask.OutputKind.TEXT, null, null, 0, null, text))
                    .orElseGet(() -> output(item.mapping().orElseThrow())));
        }
        return new PlanTask(code, position, title, lead, coordinating, deadline, List.copyOf(outputs));
    }

    static PlanTask.Deadline deadline(YamlFields task) {
        String text = task.text("deadline").orElseThrow(() -> new SourceFileException(task.line("deadline"),
                "thiếu 'deadline': ghi \"thường xuyên\", \"khi có yêu cầu\", một tháng như 6/2025 hoặc một ngày như 2025-06-30"));
        String folded = Folding.fold(text).strip();
        if (folded.equals("thuong xuyen") || folded.equals("ongoing")) {
            return new PlanTask.Deadline(PlanTask.DeadlineKind.ONGOING, null, text);
        }
        if (folded.equals("khi co yeu cau") || folded.equals("on-request") || folded.equals("on request")) {
            return new PlanTask.Deadline(PlanTask.DeadlineKind.ON_REQUEST, null, text);
        }
        try {
            Matcher month = MONTH.matcher(text);
            if (month.matches()) {
                YearMonth value = YearMonth.of(Integer.parseInt(month.group(2)), Integer.parseInt(month.group(1)));
                return new PlanTask.Deadline(PlanTask.DeadlineKind.MONTH, value.atEndOfMonth(), text);
            }
            Matcher day = DAY.matcher(text);
            if (day.matches()) {
                LocalDate value = LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(1)));
                return new PlanTask.Deadline(PlanTask.DeadlineKind.DATE, value, Refusal.day(value));
            }
            // a day is shown as people write it, 30/05/2025, whichever way the file wrote it
            LocalDate value = LocalDate.parse(text);
            return new PlanTask.Deadline(PlanTask.DeadlineKind.DATE, value, Refusal.day(value));
        } catch (DateTimeException e) {
            throw new SourceFileException(task.line("deadline"), "'deadline' ghi '" + text
                    + "', không phải \"thường xuyên\", \"khi có yêu cầu\", một tháng có thật như 6/2025 hay một ngày có thật như 2025-06-30");
        }
    }

    private static PlanTask.ExpectedOutput output(YamlFields output) {
        keys(output, OUTPUT_KEYS, "kết quả cần đạt");
        Optional<String> text = output.text("text");
        if (output.has("section")) {
            String section = output.requiredText("section");
            return new PlanTask.ExpectedOutput(PlanTask.OutputKind.SECTION, ChannelType.EPORTAL, section, 1, null,
                    text.orElse("Chuyên mục “" + section + "” trên cổng thông tin có ít nhất một bài"));
        }
        PlanTask.Per per = output.enumValue("per", PlanTask.Per.class).orElse(PlanTask.Per.PERIOD);
        if (output.has("contributions")) {
            int count = positive(output, "contributions");
            return new PlanTask.ExpectedOutput(PlanTask.OutputKind.CONTRIBUTIONS, null, null, count, per,
                    text.orElse("Ít nhất " + count + " đóng góp của đơn vị phối hợp " + perText(per)));
        }
        if (!output.has("channel")) {
            throw new SourceFileException(output.startLine(), "kết quả cần đạt phải ghi 'channel' (số tin, bài trên một loại kênh), "
                    + "'section' (chuyên mục trên cổng) hoặc 'contributions' (số đóng góp), hoặc là một dòng chữ");
        }
        ChannelType channel = output.enumValue("channel", ChannelType.class).orElseThrow();
        int atLeast = output.has("atLeast") ? positive(output, "atLeast") : 1;
        String topic = output.text("topic").orElse(null);
        String channelName = Refusal.text("ctype." + channel.name(), List.of(), Refusal.VIETNAMESE);
        return new PlanTask.ExpectedOutput(PlanTask.OutputKind.PUBLICATIONS, channel, topic, atLeast, per,
                text.orElse("Ít nhất " + atLeast + " tin, bài" + (topic == null ? "" : " về “" + topic + "”") + " trên "
                        + channelName + " " + perText(per)));
    }

    private static String perText(PlanTask.Per per) {
        return switch (per) {
            case WEEK -> "mỗi tuần";
            case MONTH -> "mỗi tháng";
            case PERIOD -> "trong kỳ";
        };
    }

    private static int positive(YamlFields fields, String key) {
        int value = fields.integer(key).orElse(0);
        if (value < 1 || value > 1000) {
            throw new SourceFileException(fields.line(key), "'" + key + "' phải là một số từ 1 đến 1000, đang là " + value);
        }
        return value;
    }

    private static String code(YamlFields fields) {
        String code = fields.requiredText("code");
        if (!CODE.matcher(code).matches()) {
            throw new SourceFileException(fields.line("code"), "'code' chỉ gồm chữ thường không dấu, chữ số và '-', đang là '" + code + "'");
        }
        return code;
    }

    private static YamlFields mapping(YamlFields.Item item, String key) {
        return item.mapping().orElseThrow(() -> new SourceFileException(item.line(),
                "mỗi mục của '" + key + "' phải là các cặp khóa: giá trị (code, title, ...), đang là '" + item.text().orElse("") + "'"));
    }

    private static Optional<LocalDate> day(YamlFields fields, String key) {
        return fields.text(key).map(text -> {
            Matcher day = DAY.matcher(text);
            try {
                return day.matches() ? LocalDate.of(Integer.parseInt(day.group(3)), Integer.parseInt(day.group(2)),
                        Integer.parseInt(day.group(1))) : LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeException e) {
                throw new SourceFileException(fields.line(key), "'" + key + "' phải là một ngày có thật dạng 2025-03-20 hoặc 20/3/2025, đang là '" + text + "'");
            }
        });
    }

    private static SourceFileException missing(YamlFields fields, String key) {
        return new SourceFileException(fields.line(key), "thiếu '" + key + "'");
    }

    private static void keys(YamlFields fields, Set<String> allowed, String what) {
        for (String key : fields.keys()) {
            if (!allowed.contains(key)) {
                throw new SourceFileException(fields.line(key), "khóa '" + key + "' không dùng cho " + what
                        + "; các khóa dùng được: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
