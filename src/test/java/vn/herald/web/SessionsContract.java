package vn.herald.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page login ends when it should, on every instance and across restarts. Written once, run on H2 (file) and
 * PostgreSQL. Instances are whole servers on one database and one data folder (so they sign with one key).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SessionsContract {

    private static final String PASSWORD = "mot-mat-khau-du-dai";

    private final Path data = temporaryFolder("herald-sessions-data");
    private final Path content = temporaryFolder("herald-sessions-content");
    private final Map<String, Object> database = new HashMap<>();
    private ApplicationContext instance;

    /** The database both instances share; {@code data} is the shared data folder. */
    abstract Map<String, Object> database(Path data);

    @BeforeAll
    void firstInstance() {
        database.putAll(database(data));
        instance = start();
        TestUsers.ensure(instance.getBean(Accounts.class));
    }

    @AfterAll
    void stop() {
        instance.close();
    }

    private ApplicationContext start() {
        Map<String, Object> settings = new HashMap<>(database);
        settings.put("herald.data-dir", data.toString());
        settings.put("herald.content-dir", content.toString());
        settings.put("herald.publishing.scheduler-enabled", "false");
        return ApplicationContext.run(EmbeddedServer.class, settings, "test").getApplicationContext();
    }

    private Browser browser() {
        return new Browser(instance.getBean(EmbeddedServer.class).getURI());
    }

    private Accounts accounts() {
        return instance.getBean(Accounts.class);
    }

    /** A new user of the given roles, logged in through the page. */
    private Browser loggedIn(String username) {
        Browser browser = browser();
        assertEquals(303, browser.logIn(username, PASSWORD).statusCode());
        assertTrue(isLoggedIn(browser));
        return browser;
    }

    private String aUser(Role... roles) {
        String username = "nguoi-" + UUID.randomUUID().toString().substring(0, 8);
        accounts().create(new Accounts.AccountForm(username, "Người thử " + username, PASSWORD, EnumSet.of(roles[0], roles), null, true));
        return username;
    }

    private static boolean isLoggedIn(Browser browser) {
        int status = browser.get("/").statusCode();
        assertTrue(status == 200 || status == 302, "the start page answers the page or the way to the login: " + status);
        return status == 200;
    }

    private static String formToken(Browser browser) {
        return Browser.csrfTokenOf(browser.get("/").body());
    }

    @Test
    void aCopyOfTheCookieIsRefusedAfterLogout() {
        Browser editor = loggedIn(aUser(Role.EDITOR));
        Browser copy = editor.at(instance.getBean(EmbeddedServer.class).getURI());
        editor.post("/logout", Map.of("csrfToken", formToken(editor)));
        assertFalse(isLoggedIn(copy), "the cookie kept from before the logout no longer works");
    }

    @Test
    void disablingAUserEndsTheirLogin() {
        String username = aUser(Role.EDITOR);
        Browser editor = loggedIn(username);
        accounts().update(username, new Accounts.AccountForm(null, null, null, null, null, false));
        assertFalse(isLoggedIn(editor));
    }

    @Test
    void aNewPasswordEndsTheLogin() {
        String username = aUser(Role.EDITOR);
        Browser editor = loggedIn(username);
        accounts().update(username, new Accounts.AccountForm(null, null, "mot-mat-khau-moi-hon", null, null, null));
        assertFalse(isLoggedIn(editor));
    }

    @Test
    void aDemotedAdminsCookieCannotCreateAnAdmin() {
        String username = aUser(Role.ADMIN);
        Browser admin = loggedIn(username);
        String token = formToken(admin);
        accounts().update(username, new Accounts.AccountForm(null, null, null, Set.of(Role.EDITOR), null, null));
        HttpResponse<String> created = admin.api("POST", "/api/users", "{\"username\":\"quan-tri-lau\",\"password\":\""
                + PASSWORD + "\",\"roles\":[\"ADMIN\"]}", ApiFormTokenFilter.HEADER, token);
        assertEquals(401, created.statusCode(), created.body());
        assertTrue(accounts().list().stream().noneMatch(account -> account.username().equals("quan-tri-lau")));
        assertFalse(isLoggedIn(admin));
    }

    @Test
    void anAdminEndsEveryLoginOfAUser() {
        String username = aUser(Role.EDITOR);
        Browser atWork = loggedIn(username);
        Browser atHome = loggedIn(username);
        Browser admin = loggedIn(aUser(Role.ADMIN));
        HttpResponse<String> refused = atWork.api("POST", "/api/users/" + username + "/sessions/end", null,
                ApiFormTokenFilter.HEADER, formToken(atWork));
        assertEquals(403, refused.statusCode(), "an editor cannot end anyone's sessions");
        HttpResponse<String> ended = admin.api("POST", "/api/users/" + username + "/sessions/end", null,
                ApiFormTokenFilter.HEADER, formToken(admin));
        assertEquals(200, ended.statusCode(), ended.body());
        assertTrue(ended.body().contains("\"ended\":2"), ended.body());
        assertFalse(isLoggedIn(atWork));
        assertFalse(isLoggedIn(atHome));
        assertTrue(isLoggedIn(admin), "the admin's own login is not touched");
    }

    @Test
    void aUserEndsEveryLoginOfTheirOwn() {
        String username = aUser(Role.APPROVER);
        Browser atWork = loggedIn(username);
        Browser atHome = loggedIn(username);
        HttpResponse<String> ended = atHome.api("POST", "/api/users/me/sessions/end", null,
                ApiFormTokenFilter.HEADER, formToken(atHome));
        assertEquals(200, ended.statusCode(), ended.body());
        assertFalse(isLoggedIn(atWork));
        assertFalse(isLoggedIn(atHome));
    }

    @Test
    void aRestartKeepsAnEndedLoginEndedAndALiveOneLive() {
        String username = aUser(Role.EDITOR);
        Browser ended = loggedIn(username);
        Browser live = loggedIn(username);
        Browser endedCopy = ended.at(instance.getBean(EmbeddedServer.class).getURI());
        ended.post("/logout", Map.of("csrfToken", formToken(ended)));

        instance.close();
        instance = start();

        var uri = instance.getBean(EmbeddedServer.class).getURI();
        assertFalse(isLoggedIn(endedCopy.at(uri)), "logged out before the restart, still out after it");
        assertTrue(isLoggedIn(live.at(uri)), "a live login survives the restart");
    }

    @Test
    void aSecondInstanceRefusesALoginEndedOnTheFirst() {
        String username = aUser(Role.EDITOR);
        Browser editor = loggedIn(username);
        try (ApplicationContext second = start()) {
            Browser onSecond = editor.at(second.getBean(EmbeddedServer.class).getURI());
            assertTrue(isLoggedIn(onSecond), "the second instance takes a login made on the first");
            editor.post("/logout", Map.of("csrfToken", formToken(editor)));
            assertFalse(isLoggedIn(onSecond), "and refuses it as soon as the first has ended it");
        }
    }

    @Test
    void theCookieLivesExactlyAsLongAsItsToken() {
        String username = aUser(Role.EDITOR);
        HttpResponse<String> login = browser().logIn(username, PASSWORD);
        String cookie = login.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        Matcher maxAge = Pattern.compile("Max-Age=(\\d+)").matcher(cookie);
        assertTrue(maxAge.find(), cookie);
        String payload = new String(Base64.getUrlDecoder().decode(cookie.substring(4, cookie.indexOf(';')).split("\\.")[1]),
                StandardCharsets.UTF_8);
        long issued = claim(payload, "iat");
        long expires = claim(payload, "exp");
        assertEquals(10 * 3600, expires - issued, payload);
        assertEquals(expires - issued, Long.parseLong(maxAge.group(1)), cookie);
    }

    @Test
    void theCookieAloneCannotWriteThroughTheApi() {
        Browser editor = loggedIn(aUser(Role.EDITOR));
        String piece = "{\"kind\":\"ARTICLE\",\"title\":\"Bài qua API bằng cookie\",\"body\":\"<p>Nội dung</p>\"}";
        HttpResponse<String> forged = editor.api("POST", "/api/pieces", piece);
        assertEquals(403, forged.statusCode(), forged.body());
        assertTrue(forged.body().contains("\"code\":\"form-token-required\""), forged.body());
        assertEquals(403, editor.api("POST", "/api/pieces", piece, ApiFormTokenFilter.HEADER, "doan-bua").statusCode());
        assertEquals(200, editor.api("GET", "/api/pieces", null).statusCode(), "reading needs no token");
        HttpResponse<String> real = editor.api("POST", "/api/pieces", piece, ApiFormTokenFilter.HEADER, formToken(editor));
        assertEquals(201, real.statusCode(), real.body());
    }

    private static long claim(String payload, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(payload);
        assertTrue(m.find(), payload);
        return Long.parseLong(m.group(1));
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
