package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import vn.herald.content.FileOutcome;
import vn.herald.content.LibraryFiles;
import vn.herald.content.SourceFileException;
import vn.herald.content.YamlFields;
import vn.herald.support.Refusal;
import vn.herald.support.RefusalCode;
import vn.herald.unit.Access;
import vn.herald.unit.Reach;
import vn.herald.unit.Unit;
import vn.herald.unit.Units;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Communication plans: imported from {@code content/plans/*.yml}, read by the units they concern, and each task's
 * state as a unit marks it. A plan concerns its own unit and the units below it (a province's plan is carried by its
 * communes); a unit reads the plans of its own unit, of the units it reads, and of the unit above it.
 */
@Singleton
public class Plans {

    private final PlanRepository plans;
    private final TaskStateRepository states;
    private final Units units;
    private final Access access;
    private final JsonMapper json;
    private final Clock clock;

    Plans(PlanRepository plans, TaskStateRepository states, Units units, Access access, JsonMapper json, Clock clock) {
        this.plans = plans;
        this.states = states;
        this.units = units;
        this.access = access;
        this.json = json;
        this.clock = clock;
    }

    /** A plan as a list shows it. */
    @Serdeable
    public record PlanSummary(String code, String unitCode, String number, String title, LocalDate periodFrom,
                              LocalDate periodTo, int tasks, int overdue) {}

    /** A plan with its tasks as one unit sees them. */
    @Serdeable
    public record PlanView(Plan plan, String unitCode, List<TaskView> tasks, Instant updatedAt, String sourcePath) {}

    // --- import

    public List<FileOutcome> importAll(Path plansDir) {
        List<FileOutcome> outcomes = new ArrayList<>();
        Path root = plansDir.getParent() == null ? plansDir : plansDir.getParent();
        for (Path file : LibraryFiles.list(plansDir, ".yml", ".yaml")) {
            outcomes.add(importFile(root, file));
        }
        return outcomes;
    }

    private FileOutcome importFile(Path libraryRoot, Path file) {
        String shown = LibraryFiles.display(libraryRoot, file);
        try {
            LibraryFiles.requireInside(libraryRoot, file);
            String hash = LibraryFiles.sha256(Files.readAllBytes(file));
            Plan plan = PlanFiles.parse(YamlFields.parse(LibraryFiles.readUtf8(file), 0), file, units.ownUnitCode(),
                    code -> units.find(code).isPresent());
            Optional<PlanRow> existing = plans.findById(plan.code());
            if (existing.isPresent() && existing.get().sourceHash().equals(hash)) {
                return FileOutcome.of(shown, FileOutcome.Result.UNCHANGED);
            }
            String sourcePath = libraryRoot.relativize(file).toString().replace('\\', '/');
            if (existing.isPresent() && !existing.get().sourcePath().equals(sourcePath)) {
                throw new SourceFileException(0, "mã kế hoạch '" + plan.code() + "' đã dùng cho tệp " + existing.get().sourcePath());
            }
            PlanRow row = new PlanRow(plan.code(), plan.unitCode(), plan.number(), plan.title(), plan.periodFrom(),
                    plan.periodTo(), json.writeValueAsString(plan), sourcePath, hash, clock.instant());
            if (existing.isPresent()) {
                // tasks are matched by code: states, links and contributions are keyed by it and stay
                plans.update(row);
                return FileOutcome.of(shown, FileOutcome.Result.UPDATED);
            }
            plans.save(row);
            return FileOutcome.of(shown, FileOutcome.Result.IMPORTED);
        } catch (SourceFileException e) {
            return FileOutcome.failed(shown, e.line(), e.reason());
        } catch (IOException e) {
            return FileOutcome.failed(shown, 0, "không đọc được: " + e.getMessage());
        }
    }

    // --- reading

    public List<PlanSummary> list() {
        LocalDate today = today();
        return plans.findAllOrderByCode().stream().filter(this::readable).map(row -> {
            Plan plan = definition(row);
            String unit = unitOf(plan);
            Map<String, TaskStateRow> marked = marked(plan.code(), unit);
            int overdue = (int) plan.tasks().stream().filter(t -> overdue(t, marked.get(t.code()), today)).count();
            return new PlanSummary(plan.code(), plan.unitCode(), plan.number(), plan.title(), plan.periodFrom(),
                    plan.periodTo(), plan.tasks().size(), overdue);
        }).toList();
    }

    /** The plan as {@code unitCode} (the caller's own unit when null) carries it. */
    public PlanView view(String code, @Nullable String unitCode) {
        PlanRow row = readableRow(code);
        Plan plan = definition(row);
        String unit = unitCode == null || unitCode.isBlank() ? unitOf(plan) : concerned(plan, unitCode);
        Map<String, TaskStateRow> marked = marked(plan.code(), unit);
        LocalDate today = today();
        List<TaskView> tasks = plan.tasks().stream().map(task -> TaskView.of(task, marked.get(task.code()), today)).toList();
        return new PlanView(plan, unit, tasks, row.updatedAt(), row.sourcePath());
    }

    /** The plan, for a caller who may read it; another unit's plan answers as a missing one. */
    public Plan get(String code) {
        return definition(readableRow(code));
    }

    /** The task a reference names, for any caller: used to check references, not to show a plan. */
    public Optional<PlanTask> task(TaskRef ref) {
        return plans.findById(ref.plan()).map(this::definition).flatMap(plan -> plan.task(ref.task()));
    }

    Optional<Plan> find(String code) {
        return plans.findById(code).map(this::definition);
    }

    /** Every plan that concerns the unit: its own, and those of the units above it. */
    public List<Plan> concerning(String unitCode) {
        List<String> chain = new ArrayList<>();
        Optional<Unit> unit = units.find(unitCode);
        while (unit.isPresent() && !chain.contains(unit.get().code())) {
            chain.add(unit.get().code());
            unit = unit.get().parentCode() == null ? Optional.empty() : units.find(unit.get().parentCode());
        }
        return chain.isEmpty() ? List.of() : plans.findByUnitCodeInOrderByCode(chain).stream().map(this::definition).toList();
    }

    // --- states

    /**
     * Marks a task's state for a unit: the caller must be able to change that unit's work (an admin, or its editor;
     * a province reading a commune may not), and the plan must concern the unit.
     */
    public TaskView mark(String code, String taskCode, @Nullable String unitCode, TaskState state, String actor) {
        PlanRow row = readableRow(code);
        Plan plan = definition(row);
        PlanTask task = plan.task(taskCode).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PLAN, code + "/" + taskCode));
        String unit = unitCode == null || unitCode.isBlank() ? unitOf(plan) : concerned(plan, unitCode);
        access.act(unit, Refusal.Noun.PLAN, code);
        TaskStateRow next = states.findByPlanCodeAndTaskCodeAndUnitCode(code, taskCode, unit)
                .map(old -> new TaskStateRow(old.id(), code, taskCode, unit, state, actor, clock.instant()))
                .map(states::update)
                .orElseGet(() -> states.save(new TaskStateRow(null, code, taskCode, unit, state, actor, clock.instant())));
        return TaskView.of(task, next, today());
    }

    Map<String, TaskStateRow> marked(String planCode, String unitCode) {
        return states.findByPlanCodeAndUnitCode(planCode, unitCode).stream()
                .collect(Collectors.toMap(TaskStateRow::taskCode, Function.identity()));
    }

    static boolean overdue(PlanTask task, @Nullable TaskStateRow state, LocalDate today) {
        return task.deadline().passed(today) && (state == null || state.state() != TaskState.DONE);
    }

    /** The unit a caller's view of the plan is about: their own unit when the plan concerns it, else the plan's. */
    private String unitOf(Plan plan) {
        String home = access.reach().homeUnit();
        return concerns(plan, home) ? home : plan.unitCode();
    }

    private String concerned(Plan plan, String unitCode) {
        Unit unit = access.unit(unitCode, "unit");
        if (!concerns(plan, unit.code())) {
            throw Refusal.invalid("unit", RefusalCode.TASK_STATE_UNIT, unit.name(), plan.number());
        }
        return unit.code();
    }

    /** The plan's own unit or one below it. */
    boolean concerns(Plan plan, String unitCode) {
        Optional<Unit> unit = units.find(unitCode);
        for (int depth = 0; unit.isPresent() && depth < 10; depth++) {
            if (unit.get().code().equals(plan.unitCode())) {
                return true;
            }
            unit = unit.get().parentCode() == null ? Optional.empty() : units.find(unit.get().parentCode());
        }
        return false;
    }

    private PlanRow readableRow(String code) {
        return plans.findById(code).filter(this::readable).orElseThrow(() -> Refusal.notFound(Refusal.Noun.PLAN, code));
    }

    private boolean readable(PlanRow row) {
        Reach reach = access.reach();
        if (reach.canRead(row.unitCode())) {
            return true;
        }
        // a commune reads the plans of the province above it, which its own work carries
        Optional<Unit> unit = units.find(reach.homeUnit());
        for (int depth = 0; unit.isPresent() && unit.get().parentCode() != null && depth < 10; depth++) {
            if (unit.get().parentCode().equals(row.unitCode())) {
                return true;
            }
            unit = units.find(unit.get().parentCode());
        }
        return false;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(units.zoneOf(units.ownUnitCode())));
    }

    private Plan definition(PlanRow row) {
        try {
            return json.readValue(row.definition(), Argument.of(Plan.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
