package vn.herald.calendar;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A proposal to fill a unit's at-risk weeks, and what became of it. */
@MappedEntity("calendar_fill")
record Fill(@Id @GeneratedValue @Nullable Long id, String unitCode, FillOrigin origin, LocalDate rangeFrom,
            LocalDate rangeTo, FillStatus status, String createdBy, Instant createdAt, @Nullable String decidedBy,
            @Nullable Instant decidedAt, @Nullable String message) {

    Fill decided(FillStatus next, String actor, Instant at, @Nullable String why) {
        return new Fill(id, unitCode, origin, rangeFrom, rangeTo, next, createdBy, createdAt, actor, at, why);
    }
}
