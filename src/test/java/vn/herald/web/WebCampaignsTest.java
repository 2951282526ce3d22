package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.campaign.Campaigns;
import vn.herald.unit.Units;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A launched national-day campaign on the campaigns page (with its empty slots) and as a band on the calendar. */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
@Property(name = "herald.campaign.sweep-enabled", value = "false")
class WebCampaignsTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Campaigns campaigns;
    @Inject Units units;
    @Inject Times times;

    @BeforeEach
    void launched() {
        TestUsers.ensure(accounts);
        campaigns.sweep();
    }

    private Browser loggedIn() {
        Browser browser = new Browser(server.getURI());
        browser.logIn("duyet", TestUsers.PASSWORD);
        return browser;
    }

    @Test
    void theYearsCampaignIsListedWithItsWindowAndEmptySlots() {
        String page = loggedIn().get("/campaigns?nam=2027").body();
        assertTrue(page.contains("Ngày Khoa học và Công nghệ Việt Nam"), page);
        assertTrue(page.contains("Từ 08/05/2027 đến 20/05/2027"), page);
        assertTrue(page.contains("Đang diễn ra"), page);
        List<String> empty = campaigns.list(units.ownUnitCode(), 2027).get(0).channels().stream()
                .flatMap(c -> c.empty().stream()).map(slot -> times.show(slot.plannedAt().toInstant())).toList();
        assertFalse(empty.isEmpty(), "the sample library leaves a slot without content");
        empty.forEach(slot -> assertTrue(page.contains("<li>" + slot + "</li>"), "the empty slot " + slot + " is listed: " + page));
    }

    @Test
    void theCampaignWindowIsABandOnTheCalendar() {
        String json = loggedIn().get("/calendar/events?start=2027-04-26T00:00:00Z&end=2027-06-07T00:00:00Z").body();
        assertTrue(json.contains("\"title\":\"Chiến dịch: Ngày Khoa học và Công nghệ Việt Nam\""), json);
        assertTrue(json.contains("\"start\":\"2027-05-08\",\"end\":\"2027-05-21\""), "both ends of the window included: " + json);
        assertTrue(json.contains("campaign-band"), json);
    }
}
