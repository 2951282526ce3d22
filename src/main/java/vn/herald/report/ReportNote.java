package vn.herald.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * Problems and proposals an editor wrote into one period's report of a unit: for one plan task, or, with
 * {@code planCode} and {@code taskCode} empty, for the report as a whole.
 */
@MappedEntity("report_note")
record ReportNote(@Id @GeneratedValue @Nullable Long id, String unitCode, String period, String planCode, String taskCode,
                  String text, String writtenBy, Instant writtenAt) {}
