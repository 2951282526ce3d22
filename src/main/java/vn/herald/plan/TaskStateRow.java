package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A unit's state of one task, who set it and when. */
@MappedEntity("plan_task_state")
record TaskStateRow(@Id @GeneratedValue @Nullable Long id, String planCode, String taskCode, String unitCode,
                    TaskState state, String changedBy, Instant changedAt) {}
