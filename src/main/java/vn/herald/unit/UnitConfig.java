package vn.herald.unit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;

/** The installation's own unit, created or updated at every start. */
@ConfigurationProperties("herald.unit")
public record UnitConfig(
        @NotBlank String code,
        @NotBlank String name,
        @NotBlank String zone,
        @Nullable String parent) {}
