package vn.herald.account;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** HERALD_ADMIN_PASSWORD at start is the way back in: admin is enabled, an ADMIN and has that password again. */
class AdminRestoreTest {

    @Test
    void aStartWithTheAdminPasswordGivesAdminItsRoleAndTheNewPassword(@TempDir Path data) {
        try (ApplicationContext first = start(data, "mat-khau-quan-tri-dau")) {
            Accounts accounts = first.getBean(Accounts.class);
            accounts.create(new Accounts.AccountForm("quan-tri-2", null, "mot-mat-khau-du-dai", Set.of(Role.ADMIN), null, true));
            accounts.update("admin", new Accounts.AccountForm(null, null, null, Set.of(Role.EDITOR), null, false));
            assertFalse(accounts.get("admin").enabled());
        }
        try (ApplicationContext second = start(data, "mat-khau-quan-tri-moi")) {
            Accounts.Account admin = second.getBean(Accounts.class).get("admin");
            assertTrue(admin.enabled());
            assertEquals(Set.of(Role.EDITOR, Role.ADMIN), admin.roles(), "the roles admin had, and ADMIN back");
            User stored = second.getBean(UserRepository.class).findByUsername("admin").orElseThrow();
            Passwords passwords = second.getBean(Passwords.class);
            assertTrue(passwords.bcrypt("mat-khau-quan-tri-moi", stored.passwordHash()));
            assertFalse(passwords.bcrypt("mat-khau-quan-tri-dau", stored.passwordHash()));
        }
    }

    @Test
    void aStartWithoutTheVariableLeavesADisabledAdminAsItIs(@TempDir Path data) {
        try (ApplicationContext first = start(data, "mat-khau-quan-tri-dau")) {
            Accounts accounts = first.getBean(Accounts.class);
            accounts.create(new Accounts.AccountForm("quan-tri-2", null, "mot-mat-khau-du-dai", Set.of(Role.ADMIN), null, true));
            accounts.update("admin", new Accounts.AccountForm(null, null, null, null, null, false));
        }
        try (ApplicationContext second = start(data, "")) {
            assertFalse(second.getBean(Accounts.class).get("admin").enabled());
        }
    }

    private static ApplicationContext start(Path data, String adminPassword) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("herald.data-dir", data.toString());
        settings.put("datasources.default.url", "jdbc:h2:file:" + data.resolve("db/herald")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        settings.put("herald.content-dir", data.resolve("content").toString());
        settings.put("herald.publishing.scheduler-enabled", "false");
        settings.put("herald.admin.password", adminPassword);
        return ApplicationContext.run(settings, "test");
    }
}
