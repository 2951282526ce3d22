package vn.herald.report;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

@ConfigurationProperties("herald.reports")
record ReportConfig(
        // ADMINISTRATIVE: the Decree 09/2019 cut-off (15th to 14th); CALENDAR: calendar months, halves and years
        @NotNull @Bindable(defaultValue = "ADMINISTRATIVE") ReportPeriod.Boundaries boundaries,
        // how many days before a report is due the reminder shows
        @Min(0) @Max(60) @Bindable(defaultValue = "10") int reminderDays) {}
