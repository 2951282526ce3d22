package vn.herald.exposure;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.security.authentication.Authentication;
import vn.herald.account.Role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /health} answers everybody UP or DOWN; the checks behind it are for admins only, and even they do not see
 * the database's address (the jdbc check names each pool by its URL) or a folder of the server (the disk check's
 * path): a leaked JDBC URL or data folder helps an attacker more than it helps an admin reading a health page.
 */
@ServerFilter({"/health", "/health/**"})
class HealthDetails {

    /** Anything naming a JDBC URL; a file URI, a Unix or Windows absolute path. */
    private static final Pattern SERVER_ADDRESS = Pattern.compile("(?i)(^(file:|/|[a-z]:[\\\\/]).*)|(.*jdbc:.*)", Pattern.DOTALL);
    private static final List<String> HIDDEN_KEYS = List.of("path", "url");

    @ResponseFilter
    @SuppressWarnings("unchecked")
    void hide(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof HealthResult result) {
            boolean admin = request.getUserPrincipal(Authentication.class)
                    .map(user -> user.getRoles().contains(Role.ADMIN.name())).orElse(false);
            ((MutableHttpResponse<Object>) response).body(admin ? (HealthResult) clean(result, 0)
                    : HealthResult.builder(result.getName(), result.getStatus()).build());
        }
    }

    private static Object clean(Object value, int position) {
        if (value instanceof HealthResult result) {
            String name = leaks(result.getName()) ? "datasource-" + (position + 1) : result.getName();
            return HealthResult.builder(name, result.getStatus()).details(clean(result.getDetails(), 0)).build();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> kept = new LinkedHashMap<>();
            int index = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object shown = clean(entry.getValue(), index);
                if (!HIDDEN_KEYS.contains(key) && shown != null) {
                    kept.put(leaks(key) ? "datasource-" + (index + 1) : key, shown);
                }
                index++;
            }
            return kept;
        }
        if (value instanceof Collection<?> items) {
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                Object shown = clean(item, kept.size());
                if (shown != null) {
                    kept.add(shown);
                }
            }
            return kept;
        }
        if (value instanceof CharSequence text && leaks(text.toString())) {
            return null;
        }
        return value;
    }

    private static boolean leaks(String text) {
        return text != null && SERVER_ADDRESS.matcher(text).matches();
    }
}
