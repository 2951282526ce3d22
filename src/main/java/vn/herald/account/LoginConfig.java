package vn.herald.account;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;
import java.util.List;

/**
 * Page logins and the throttling of failed logins ({@code herald.login}).
 *
 * @param sessionLength   how long a page login lasts: the session row, the JWT and the cookie alike
 * @param maxFailures     failed logins per user name within {@code failureWindow} before further tries are refused
 *                        with 429
 * @param maxFailuresPerAddress the same per client address, whatever the user names (an office behind one NAT
 *                        address may want more)
 * @param failureWindow   how far back failures count; a throttled key is free again when its oldest counted failure
 *                        is this old
 * @param trustedProxies  addresses of reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed
 */
@ConfigurationProperties("herald.login")
public record LoginConfig(@Bindable(defaultValue = "10h") @NotNull Duration sessionLength,
                          @Bindable(defaultValue = "5") @Min(1) int maxFailures,
                          @Bindable(defaultValue = "5") @Min(1) int maxFailuresPerAddress,
                          @Bindable(defaultValue = "15m") @NotNull Duration failureWindow,
                          @Bindable(defaultValue = "") List<String> trustedProxies) {

    public LoginConfig {
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip)
                .filter(address -> !address.isEmpty()).toList();
    }
}
