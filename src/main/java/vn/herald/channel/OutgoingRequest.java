package vn.herald.channel;

import io.micronaut.serde.annotation.Serdeable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as it would go out, kept by dry-run; secrets are replaced before it is stored or shown. */
@Serdeable
public record OutgoingRequest(String method, String url, Map<String, String> headers, String body) {

    private static final List<String> SECRET_HEADERS = List.of("authorization", "access_token", "secret_key",
            "x-api-key", "cookie");

    /** The same request with every header that carries a credential masked. */
    public OutgoingRequest withoutSecrets() {
        Map<String, String> masked = new LinkedHashMap<>();
        headers.forEach((name, value) -> masked.put(name,
                SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "***" : value));
        return new OutgoingRequest(method, url, masked, body);
    }
}
