package vn.herald.unit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A user allowed to act on a unit that is not their own. */
@Serdeable
@MappedEntity("unit_grant")
public record UnitGrant(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String unitCode,
        String grantedBy,
        Instant grantedAt) {}
