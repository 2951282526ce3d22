package vn.herald.unit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The installation's own unit, created or updated at every start; {@code population} and {@code households}, when
 * set, are written with it (unset leaves what was entered through the API).
 */
@ConfigurationProperties("herald.unit")
public record UnitConfig(
        @NotBlank String code,
        @NotBlank String name,
        @NotBlank String zone,
        @Nullable String parent,
        @Nullable @PositiveOrZero Integer population,
        @Nullable @PositiveOrZero Integer households) {}
