package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A task with a unit's state of it. {@code overdue} is computed: a day or month deadline passed and the task not
 * marked DONE; ongoing and on-request tasks are never overdue.
 */
@Serdeable
public record TaskView(PlanTask task, TaskState state, @Nullable String stateBy, @Nullable Instant stateAt,
                       boolean overdue) {

    static TaskView of(PlanTask task, @Nullable TaskStateRow row, LocalDate today) {
        return new TaskView(task, row == null ? TaskState.NOT_STARTED : row.state(), row == null ? null : row.changedBy(),
                row == null ? null : row.changedAt(), Plans.overdue(task, row, today));
    }
}
