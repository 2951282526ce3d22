package vn.herald.library;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One run of the import, kept so every instance and the API can show the latest report. */
@MappedEntity("import_run")
record ImportRun(@Id @GeneratedValue @Nullable Long id, Instant startedAt, Instant finishedAt, String triggeredBy,
                 int imported, int updated, int unchanged, int archived, int errors, String report) {}
