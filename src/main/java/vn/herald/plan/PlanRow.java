package vn.herald.plan;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A plan as stored: a few columns to list and scope it by, its definition as JSON, and the file it came from. */
@MappedEntity("plan")
record PlanRow(@Id String code, String unitCode, String number, String title, LocalDate periodFrom, LocalDate periodTo,
               String definition, String sourcePath, String sourceHash, Instant updatedAt) {}
