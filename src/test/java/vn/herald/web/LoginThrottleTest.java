package vn.herald.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guessing passwords: five failures in fifteen minutes per user name or per address, then 429 until the window moves on. */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
// the tests stand for several clients behind this proxy: X-Forwarded-For names each one
@Property(name = "herald.login.trusted-proxies", value = "127.0.0.1")
class LoginThrottleTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject TestClock clock;
    @Inject DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void freshCounts() throws SQLException {
        TestUsers.ensure(accounts);
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("delete from login_failure");
        }
        log.start();
        logger().addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger().detachAppender(log);
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger("vn.herald.account.PasswordLogin");
    }

    @Test
    void theSixthTryAnswers429WithRetryAfterEvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, basic("bien-tap", "doan-sai-lan-" + i, "203.0.113.1").statusCode());
        }
        HttpResponse<String> sixth = basic("bien-tap", TestUsers.PASSWORD, "203.0.113.1");
        assertEquals(429, sixth.statusCode(), sixth.body());
        assertEquals("900", sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(sixth.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
        assertTrue(sixth.body().contains("\"code\":\"login-throttled\""), sixth.body());
        assertTrue(sixth.body().contains("Hãy chờ 15 phút"), sixth.body());

        clock.advance(Duration.ofMinutes(10));
        HttpResponse<String> later = basic("bien-tap", TestUsers.PASSWORD, "203.0.113.2");
        assertEquals(429, later.statusCode(), "the user name stays throttled from another address");
        assertEquals("300", later.headers().firstValue("Retry-After").orElseThrow());
    }

    @Test
    void fifteenMinutesAfterTheFailuresTriesAreTakenAgain() {
        for (int i = 0; i < 5; i++) {
            basic("duyet", "doan-sai-lan-" + i, "203.0.113.3");
        }
        assertEquals(429, basic("duyet", TestUsers.PASSWORD, "203.0.113.3").statusCode());
        clock.advance(Duration.ofMinutes(15));
        assertEquals(200, basic("duyet", TestUsers.PASSWORD, "203.0.113.3").statusCode());
    }

    @Test
    void aSuccessfulLoginForgetsTheUsersFailures() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, basic("bien-tap", "doan-sai-lan-" + i, "203.0.113." + (10 + i)).statusCode());
        }
        assertEquals(200, basic("bien-tap", TestUsers.PASSWORD, "203.0.113.20").statusCode());
        for (int i = 0; i < 4; i++) {
            assertEquals(401, basic("bien-tap", "doan-sai-nua-" + i, "203.0.113." + (30 + i)).statusCode());
        }
        assertEquals(200, basic("bien-tap", TestUsers.PASSWORD, "203.0.113.40").statusCode(),
                "eight failures, but never five since the last success");
    }

    @Test
    void oneAddressGuessingManyUserNamesIsThrottledForAllOfThem() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, basic("nguoi-" + i, "doan-mot-mat-khau", "198.51.100.7").statusCode());
        }
        assertEquals(429, basic("bien-tap", TestUsers.PASSWORD, "198.51.100.7").statusCode(), "a sixth name from the same address");
        assertEquals(200, basic("bien-tap", TestUsers.PASSWORD, "198.51.100.8").statusCode(), "another address is not held up");
    }

    @Test
    void theLoginPageSaysInVietnameseHowLongToWait() {
        Browser stranger = new Browser(server.getURI());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, stranger.logIn("bien-tap", "doan-sai-lan-" + i).statusCode(), "a failed login draws the form again");
        }
        clock.advance(Duration.ofMinutes(1));
        HttpResponse<String> sixth = stranger.logIn("bien-tap", TestUsers.PASSWORD);
        assertEquals(429, sixth.statusCode());
        assertEquals(String.valueOf(14 * 60), sixth.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(sixth.body().contains("Đăng nhập sai quá nhiều lần. Hãy chờ 14 phút rồi thử lại."), sixth.body());
        assertFalse(stranger.hasCookie("JWT"));
        assertTrue(sixth.body().contains("name=\"csrfToken\""), "the form is there for the next try");
    }

    @Test
    void failedLoginsAreLoggedWithNameAndAddressButNeverThePassword() {
        basic("bien-tap", "mat-khau-bi-lo-ra", "192.0.2.55");
        basic("ke-gia\r\nINFO gia-mao\u0000\u202e", "mat-khau-khac-bi-lo", "192.0.2.56");
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.contains("Failed login for user 'bien-tap' from 192.0.2.55"), lines::toString);
        assertTrue(lines.contains("Failed login for user 'ke-giaINFO gia-mao' from 192.0.2.56"), lines::toString);
        assertTrue(lines.stream().noneMatch(line -> line.contains("mat-khau")), lines::toString);
    }

    private HttpResponse<String> basic(String username, String password, String address) {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve("/api/users/me"))
                .header("Authorization", "Basic " + credentials).header("X-Forwarded-For", address).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
