package vn.herald.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.herald.TestUsers.asAdmin;

/** What an admin may set on a user through the API: known units, passwords worth having, and never no admin at all. */
@MicronautTest(transactional = false)
class AccountRulesTest {

    @Inject @Client("/") HttpClient http;
    @Inject Accounts accounts;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Map<String, Object> refused(HttpRequest<?> request, HttpStatus status) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, Map.class));
        assertEquals(status, e.getStatus(), () -> e.getResponse().getBody(String.class).orElse(""));
        @SuppressWarnings("unchecked") Map<String, Object> problem = e.getResponse().getBody(Map.class).orElseThrow();
        return problem;
    }

    private static String fieldErrors(Map<String, Object> problem) {
        return String.valueOf(problem.get("errors"));
    }

    @Test
    void anUnknownUnitIsA400NamingTheField() {
        Map<String, Object> created = refused(asAdmin(HttpRequest.POST("/api/users", Map.of("username", "xa-khac",
                "password", "mot-mat-khau-du-dai", "roles", List.of("EDITOR"), "unitCode", "xa-khong-co"))), HttpStatus.BAD_REQUEST);
        assertEquals("user-invalid", created.get("code"));
        assertTrue(fieldErrors(created).contains("unitCode") && fieldErrors(created).contains("Không có đơn vị có mã “xa-khong-co”"),
                created::toString);
        Map<String, Object> updated = refused(asAdmin(HttpRequest.PUT("/api/users/bien-tap", Map.of("unitCode", "xa-khong-co"))),
                HttpStatus.BAD_REQUEST);
        assertTrue(fieldErrors(updated).contains("unitCode"), updated::toString);
        assertEquals(null, accounts.get("bien-tap").unitCode());
    }

    @Test
    void weakPasswordsAreRefusedWithTheReasonInVietnamese() {
        Map<String, String> reasons = Map.of(
                "ngan-qua", "từ 12 đến 64 ký tự",
                "matkhau123456", "quá phổ biến",
                "zzzzzzzzzzzzzz", "một ký tự lặp lại");
        reasons.forEach((password, reason) -> {
            Map<String, Object> problem = refused(asAdmin(HttpRequest.POST("/api/users", Map.of("username", "mat-khau-yeu",
                    "password", password, "roles", List.of("EDITOR")))), HttpStatus.BAD_REQUEST);
            assertTrue(fieldErrors(problem).contains("password") && fieldErrors(problem).contains(reason), problem::toString);
            Map<String, Object> change = refused(asAdmin(HttpRequest.PUT("/api/users/bien-tap", Map.of("password", password))),
                    HttpStatus.BAD_REQUEST);
            assertTrue(fieldErrors(change).contains(reason), change::toString);
        });
    }

    @Test
    void overBasicADisabledUserOrAnOldPasswordIsRefusedAtOnceDespiteRemembering() {
        accounts.create(new Accounts.AccountForm("tam-nghi", null, "mot-mat-khau-du-dai", Set.of(Role.EDITOR), null, true));
        accounts.create(new Accounts.AccountForm("doi-mat-khau", null, "mot-mat-khau-du-dai", Set.of(Role.EDITOR), null, true));
        HttpRequest<?> asResting = HttpRequest.GET("/api/users/me").basicAuth("tam-nghi", "mot-mat-khau-du-dai");
        HttpRequest<?> asChanging = HttpRequest.GET("/api/users/me").basicAuth("doi-mat-khau", "mot-mat-khau-du-dai");
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(asResting).getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(asChanging).getStatus());
        accounts.update("tam-nghi", new Accounts.AccountForm(null, null, null, null, null, false));
        accounts.update("doi-mat-khau", new Accounts.AccountForm(null, null, "mot-mat-khau-moi-hon", null, null, null));
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(asResting)).getStatus());
        assertEquals(HttpStatus.UNAUTHORIZED, assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(asChanging)).getStatus());
    }

    @Test
    void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
        Map<String, Object> demoted = refused(asAdmin(HttpRequest.PUT("/api/users/admin", Map.of("roles", List.of("EDITOR")))),
                HttpStatus.CONFLICT);
        assertEquals("last-admin", demoted.get("code"));
        assertTrue(String.valueOf(demoted.get("detail")).contains("quản trị viên cuối cùng"), demoted::toString);
        Map<String, Object> disabled = refused(asAdmin(HttpRequest.PUT("/api/users/admin", Map.of("enabled", false))),
                HttpStatus.CONFLICT);
        assertEquals("last-admin", disabled.get("code"));
        Accounts.Account admin = accounts.get("admin");
        assertTrue(admin.enabled() && admin.roles().contains(Role.ADMIN));
    }

    @Test
    void anAdminCanStepDownOnceAnotherIsThere() {
        accounts.create(new Accounts.AccountForm("quan-tri-moi", null, "mot-mat-khau-du-dai", Set.of(Role.ADMIN), null, true));
        accounts.create(new Accounts.AccountForm("quan-tri-tam", null, "mot-mat-khau-du-dai", Set.of(Role.ADMIN), null, true));
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(asAdmin(HttpRequest.PUT("/api/users/quan-tri-tam",
                Map.of("roles", List.of("EDITOR"))))).getStatus());
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(asAdmin(HttpRequest.PUT("/api/users/quan-tri-moi",
                Map.of("enabled", false)))).getStatus());
        assertFalse(accounts.get("quan-tri-moi").enabled());
        assertEquals(HttpStatus.CONFLICT, assertThrows(HttpClientResponseException.class, () -> http.toBlocking()
                .exchange(asAdmin(HttpRequest.PUT("/api/users/admin", Map.of("enabled", false))))).getStatus(),
                "the other two no longer count: admin is the last one again");
    }
}
