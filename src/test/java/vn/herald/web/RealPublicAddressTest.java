package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;

import static org.junit.jupiter.api.Assertions.assertNull;

/** With a real public address the channels page carries no warning about it. */
@MicronautTest(transactional = false)
@Property(name = "herald.portal.public-url", value = "https://hoaan.gov.vn")
class RealPublicAddressTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    @Test
    void noWarningWhenResidentsCanOpenTheAddress() {
        assertNull(PublicAddressWarningTest.warningOn(server, "bien-tap", TestUsers.PASSWORD));
        assertNull(PublicAddressWarningTest.warningOn(server, "admin", TestUsers.ADMIN_PASSWORD));
    }
}
