package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With no HERALD_PUBLIC_URL set (localhost:8080), the channels page tells admins and editors links will not open. */
@MicronautTest(transactional = false)
class PublicAddressWarningTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    static Element warningOn(EmbeddedServer server, String username, String password) {
        Browser browser = new Browser(server.getURI());
        browser.logIn(username, password);
        var page = browser.get("/channels");
        assertEquals(200, page.statusCode(), page.body());
        return Jsoup.parse(page.body()).getElementById("dia-chi-cong-khai");
    }

    @Test
    void editorsAndAdminsAreWarnedThatLinksOnFacebookAndZaloWillNotOpen() {
        for (String[] person : new String[][] {{"bien-tap", TestUsers.PASSWORD}, {"admin", TestUsers.ADMIN_PASSWORD}}) {
            Element warning = warningOn(server, person[0], person[1]);
            assertNotNull(warning, person[0]);
            assertEquals("alert", warning.attr("role"));
            assertEquals("Liên kết đăng lên Facebook, Zalo sẽ không mở được cho người dân", warning.selectFirst("strong").text());
            assertTrue(warning.text().contains("http://localhost:8080") && warning.text().contains("HERALD_PUBLIC_URL"),
                    warning.text());
        }
    }

    @Test
    void anApproverWhoCannotChangeItIsNotWarned() {
        assertNull(warningOn(server, "duyet", TestUsers.PASSWORD));
    }
}
