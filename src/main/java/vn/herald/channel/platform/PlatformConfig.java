package vn.herald.channel.platform;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;

/** How Herald presents itself to the platforms it calls. */
@ConfigurationProperties("herald.platform")
public record PlatformConfig(
        // platforms and site firewalls tell callers apart by it; OkHttp's own would hide who is calling
        @Bindable(defaultValue = "Herald (content publishing for commune media centres)") @NotBlank String userAgent) {}
