package vn.herald.notice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

@ConfigurationProperties("herald.notices")
record NoticeConfig(
        // how often the reports coming due are looked for (each is told once per period whatever the interval)
        @NotNull @Bindable(defaultValue = "1h") Duration sweepInterval) {}
