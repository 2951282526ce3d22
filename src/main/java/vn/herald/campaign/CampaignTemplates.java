package vn.herald.campaign;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.herald.channel.ChannelType;
import vn.herald.content.FileOutcome;
import vn.herald.content.LibraryFiles;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;
import vn.herald.plan.TaskLinks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Loads and validates the campaign templates of {@code content/campaigns/}. */
@Singleton
public class CampaignTemplates {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,63}");
    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final int MAX_WINDOW_SIDE = 60;
    private static final Set<String> KEYS = Set.of("code", "name", "day", "leadDays", "tailDays", "tag", "topics",
            "cadence", "description", "task");

    private final CampaignTemplateRepository repository;
    private final JsonMapper json;
    private final java.time.Clock clock;
    private final TaskLinks tasks;

    CampaignTemplates(CampaignTemplateRepository repository, JsonMapper json, java.time.Clock clock, TaskLinks tasks) {
        this.tasks = tasks;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public List<CampaignTemplate> list() {
        return repository.findAllOrderByCode().stream().map(this::definition).toList();
    }

    public Optional<CampaignTemplate> find(String code) {
        return repository.findById(code).map(this::definition);
    }

    public List<FileOutcome> importAll(Path campaignsDir) {
        List<FileOutcome> outcomes = new ArrayList<>();
        for (Path file : LibraryFiles.list(campaignsDir, ".yml", ".yaml")) {
            outcomes.add(importFile(campaignsDir.getParent() == null ? campaignsDir : campaignsDir.getParent(), file));
        }
        return outcomes;
    }

    private FileOutcome importFile(Path libraryRoot, Path file) {
        String shown = LibraryFiles.display(libraryRoot, file);
        try {
            LibraryFiles.requireInside(libraryRoot, file);
            byte[] bytes = Files.readAllBytes(file);
            String hash = LibraryFiles.sha256(bytes);
            YamlFields fields = YamlFields.parse(LibraryFiles.readUtf8(file), 0);
            CampaignTemplate template = parse(fields, file);
            Optional<String> task = fields.text("task");
            if (task.isPresent()) {
                Optional<String> problem = tasks.problem(task.get());
                if (problem.isPresent()) {
                    throw new SourceFileException(fields.line("task"), "'task': " + problem.get());
                }
            }
            Optional<CampaignTemplateRow> existing = repository.findById(template.code());
            if (existing.isPresent() && existing.get().sourceHash().equals(hash)) {
                return FileOutcome.of(shown, FileOutcome.Result.UNCHANGED);
            }
            CampaignTemplateRow row = new CampaignTemplateRow(template.code(), template.name(),
                    json.writeValueAsString(template), hash, clock.instant());
            if (existing.isPresent()) {
                repository.update(row);
                tasks.linkTemplate(template.code(), task.orElse(null));
                return FileOutcome.of(shown, FileOutcome.Result.UPDATED);
            }
            repository.save(row);
            tasks.linkTemplate(template.code(), task.orElse(null));
            return FileOutcome.of(shown, FileOutcome.Result.IMPORTED);
        } catch (SourceFileException e) {
            return FileOutcome.failed(shown, e.line(), e.reason());
        } catch (IOException e) {
            return FileOutcome.failed(shown, 0, "không đọc được: " + e.getMessage());
        }
    }

    static CampaignTemplate parse(YamlFields fields, Path file) {
        for (String key : fields.keys()) {
            if (!KEYS.contains(key)) {
                throw new SourceFileException(fields.line(key), "khóa '" + key + "' không dùng được; các khóa dùng được: "
                        + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
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
        String name = fields.requiredText("name");
        String day = fields.requiredText("day");
        try {
            MonthDay.parse(day, MONTH_DAY);
        } catch (DateTimeException e) {
            throw new SourceFileException(fields.line("day"), "'day' phải là một ngày trong năm dạng tháng-ngày, ví dụ \"10-10\", đang là '" + day + "'");
        }
        int lead = window(fields, "leadDays");
        int tail = window(fields, "tailDays");
        String tag = fields.text("tag").orElse(code);
        Map<ChannelType, Cadence> cadence = new EnumMap<>(ChannelType.class);
        Optional<YamlFields> cadenceFields = fields.mapping("cadence");
        if (cadenceFields.isEmpty()) {
            throw new SourceFileException(fields.startLine(), "thiếu 'cadence': hãy ghi mỗi loại kênh đăng chiến dịch thường xuyên thế nào");
        }
        for (String key : cadenceFields.get().keys()) {
            ChannelType type;
            try {
                type = ChannelType.valueOf(key.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new SourceFileException(cadenceFields.get().line(key), "'cadence' ghi '" + key
                        + "', không phải một trong " + YamlFields.alternatives(ChannelType.class));
            }
            cadence.put(type, cadenceFields.get().enumValue(key, Cadence.class).orElse(Cadence.NONE));
        }
        return new CampaignTemplate(code, name, day, lead, tail, tag, fields.textList("topics"), cadence,
                fields.text("description").orElse(null));
    }

    private static int window(YamlFields fields, String key) {
        int days = fields.integer(key).orElse(0);
        if (days < 0 || days > MAX_WINDOW_SIDE) {
            throw new SourceFileException(fields.line(key), "'" + key + "' phải từ 0 đến " + MAX_WINDOW_SIDE + ", đang là " + days);
        }
        return days;
    }

    private CampaignTemplate definition(CampaignTemplateRow row) {
        try {
            return json.readValue(row.definition(), Argument.of(CampaignTemplate.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
