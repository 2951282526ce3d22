package vn.herald.notice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Duration;

/** The mail server notices are emailed through; without a host, notices stay in the app. */
@ConfigurationProperties("herald.smtp")
record SmtpConfig(
        @Nullable String host,
        @Min(1) @Max(65535) @Bindable(defaultValue = "587") int port,
        @Nullable String username,
        @Nullable String password,
        // the sender, e.g. "Herald <herald@xahoaan.gov.vn>"; blank: the user name, else herald@<host>
        @Nullable String from,
        // STARTTLS (required), TLS (implicit, port 465) or NONE (a relay on the same machine or network)
        @NotNull @Bindable(defaultValue = "STARTTLS") Security security,
        @NotNull @Bindable(defaultValue = "10s") Duration timeout) {

    enum Security { STARTTLS, TLS, NONE }

    boolean enabled() {
        return host != null && !host.isBlank();
    }

    String sender() {
        if (from != null && !from.isBlank()) {
            return from;
        }
        return username != null && username.contains("@") ? username : "herald@" + host;
    }
}
