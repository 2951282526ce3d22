package vn.herald.unit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * An organisational unit: a commune, a ward or a provincial office. {@code population} (residents) and
 * {@code households} are null until someone enters them: reach is measured against them, never against a guess.
 */
@Serdeable
@MappedEntity("unit")
public record Unit(
        @Id String code,
        String name,
        String zone,
        @Nullable String parentCode,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Integer population,
        @Nullable Integer households) {

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }
}
