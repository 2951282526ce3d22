package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A communication plan as its file writes it ({@code content/plans/*.yml}): who issued it, its number, its period, its
 * targets and its tasks. Stored whole as the plan row's definition.
 *
 * @param unitCode the unit whose plan it is: its editors mark the tasks' states
 * @param issuer   the issuing body as the plan names it, e.g. "Ủy ban nhân dân xã Hòa An"
 */
@Serdeable
public record Plan(String code, String unitCode, String number, LocalDate issuedOn, String issuer, String title,
                   LocalDate periodFrom, LocalDate periodTo, List<PlanTarget> targets, List<PlanTask> tasks) {

    public Optional<PlanTask> task(String taskCode) {
        return tasks.stream().filter(t -> t.code().equals(taskCode)).findFirst();
    }

    /** What the plan aims at, e.g. 80% of residents reached by 2030. */
    @Serdeable
    public record PlanTarget(String code, String title, Measure measure, @Nullable Integer goalPercent,
                             @Nullable LocalDate by) {}

    /** The kinds of target the seed plans set; OTHER is shown as written and never computed. */
    public enum Measure { RESIDENTS_REACHED, OFFICIALS_INFORMED, PORTAL_SECTION, ST_TASKS_PUBLICISED, OTHER }
}
