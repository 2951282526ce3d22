package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** The task one piece, publication or campaign template serves. */
@MappedEntity("task_link")
record TaskLinkRow(@Id @GeneratedValue @Nullable Long id, Subject subject, String subjectId, String planCode,
                   String taskCode, String linkedBy, Instant linkedAt) {

    enum Subject { PIECE, PUBLICATION, CAMPAIGN_TEMPLATE }

    TaskRef ref() {
        return new TaskRef(planCode, taskCode);
    }
}
