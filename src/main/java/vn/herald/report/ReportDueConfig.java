package vn.herald.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** How often reports coming due are looked for; the key keeps its first name, where the notices began. */
@ConfigurationProperties("herald.notices")
record ReportDueConfig(
        // how often the reports coming due are looked for (each is told once per period whatever the interval)
        @NotNull @Bindable(defaultValue = "1h") Duration sweepInterval) {}
