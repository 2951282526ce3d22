package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.campaign.Campaigns;
import vn.herald.unit.Units;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    @Inject TestClock clock;

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
        List<String> empty = campaigns.list(units.ownUnitCode(), 2027).stream().filter(c -> c.code().equals("khcn-18-5"))
                .findFirst().orElseThrow().channels().stream()
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

    @Test
    void everyTemplateIsListedWithItsNextWindowEvenBeforeItLaunches() {
        Document page = Jsoup.parse(loggedIn().get("/campaigns").body());

        String science = page.getElementById("template-khcn-18-5").text();
        assertTrue(science.contains("Ngày chính: 18/05/2027") && science.contains("Đã khởi động:"), science);
        String innovation = page.getElementById("template-doi-moi-sang-tao-1-10").text();
        assertTrue(innovation.contains("Từ 21/09/2027 đến 03/10/2027"), innovation);
        assertTrue(innovation.contains("Chưa khởi động. Khi khởi động sẽ tạo"), innovation);
        assertTrue(innovation.contains("Fanpage Xã Hòa An: 13 lượt"), "daily from 21/09 to 03/10: " + innovation);
        String digital = page.getElementById("template-chuyen-doi-so-10-10").text();
        assertTrue(digital.contains("Từ 26/09/2027 đến 13/10/2027"), digital);
        assertEquals(List.of("template-khcn-18-5", "template-doi-moi-sang-tao-1-10", "template-chuyen-doi-so-10-10"),
                page.select("li.template").eachAttr("id"), "soonest window first");
    }

    @Test
    void afterTheYearsLastWindowTheNextYearsAreShown() {
        clock.set(Instant.parse("2027-10-20T01:00:00Z"));
        try {
            Document page = Jsoup.parse(loggedIn().get("/campaigns").body());
            assertTrue(page.getElementById("template-khcn-18-5").text().contains("Từ 08/05/2028 đến 20/05/2028"),
                    page.getElementById("template-khcn-18-5").text());
            assertTrue(page.getElementById("template-chuyen-doi-so-10-10").text().contains("Ngày chính: 10/10/2028"));
        } finally {
            clock.set(Instant.parse("2027-05-17T01:00:00Z"));
        }
    }

    @Test
    void anEditorPreviewsATemplateThenLaunchesItNow() {
        Browser editor = new Browser(server.getURI());
        editor.logIn("bien-tap", TestUsers.PASSWORD);
        Document preview = Jsoup.parse(editor.get("/campaigns/templates/chuyen-doi-so-10-10").body());
        List<String> facebookSlots = preview.select("h2:contains(Fanpage Xã Hòa An) + ul li").eachText();
        assertEquals(18, facebookSlots.size(), preview.text());
        assertEquals("26/09/2027 08:00", facebookSlots.get(0));
        int previewed = preview.select("ul.slots li").size();
        assertTrue(campaigns.list(units.ownUnitCode(), 2027).stream().noneMatch(c -> c.code().equals("chuyen-doi-so-10-10")),
                "a preview makes nothing");

        HttpResponse<String> launched = editor.post("/campaigns/templates/chuyen-doi-so-10-10/launch",
                Map.of("csrfToken", Browser.csrfTokenOf(editor.get("/campaigns").body())));

        assertEquals(303, launched.statusCode(), launched.body());
        assertEquals("/campaigns?ok=campaignLaunched&nam=2027", launched.headers().firstValue("Location").orElseThrow());
        var made = campaigns.list(units.ownUnitCode(), 2027).stream().filter(c -> c.code().equals("chuyen-doi-so-10-10"))
                .findFirst().orElseThrow();
        assertEquals(previewed, made.counts().planned(), "what the preview showed is what was made");
        assertTrue(made.counts().scheduled() > 0, "approved pieces carrying the tag went into its slots");
        String card = Jsoup.parse(editor.get("/campaigns").body()).getElementById("template-chuyen-doi-so-10-10").text();
        assertTrue(card.contains("Đã khởi động: " + made.counts().scheduled() + "/" + made.counts().planned()), card);

        HttpResponse<String> again = editor.post("/campaigns/templates/chuyen-doi-so-10-10/launch",
                Map.of("csrfToken", Browser.csrfTokenOf(editor.get("/campaigns").body())));
        String refused = Jsoup.parse(editor.get(again.headers().firstValue("Location").orElseThrow()).body()).text();
        assertTrue(refused.contains("đã được khởi động"), refused);
    }

    @Test
    void anApproverMayPreviewButNotLaunch() {
        Browser approver = loggedIn();
        assertEquals(200, approver.get("/campaigns/templates/doi-moi-sang-tao-1-10").statusCode());
        assertFalse(approver.get("/campaigns").body().contains("Khởi động ngay"), "the button is not offered");
        HttpResponse<String> refused = approver.post("/campaigns/templates/doi-moi-sang-tao-1-10/launch",
                Map.of("csrfToken", Browser.csrfTokenOf(approver.get("/campaigns").body())));
        assertEquals(403, refused.statusCode());
    }
}
