package vn.herald.account;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FirstAdminTest {

    @Test
    void aTooShortAdminPasswordStopsTheStartNamingTheVariableToFix() {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> {
            try (ApplicationContext context = ApplicationContext.run(Map.of("herald.admin.password", "short",
                    "herald.publishing.scheduler-enabled", "false"), "test")) {
                context.getBean(Accounts.class);
            }
        });
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof IllegalStateException)) {
            cause = cause.getCause();
        }
        assertTrue(String.valueOf(cause.getMessage()).contains("HERALD_ADMIN_PASSWORD is too short"), String.valueOf(failure));
    }
}
