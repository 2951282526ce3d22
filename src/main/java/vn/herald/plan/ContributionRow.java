package vn.herald.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/** What a coordinating unit did for a task: when, what, where, a link or a photo, and which organisation did it. */
@Serdeable
@MappedEntity("plan_contribution")
public record ContributionRow(@Id @GeneratedValue @Nullable Long id, String planCode, String taskCode, String unitCode,
                              String organisation, LocalDate doneOn, String what, @Nullable String place,
                              @Nullable String link, @Nullable Long assetId, String recordedBy, Instant recordedAt) {}
