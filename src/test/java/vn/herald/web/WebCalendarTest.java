package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.calendar.Calendar;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The calendar page's feed and its drag-and-drop actions, and the gaps page, over plain HTTP with the login cookie. */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
class WebCalendarTest {

    /** The test clock starts at 2027-05-17 08:00 in the unit's zone (Monday of week 20). */
    static final Instant MONDAY_NINE = Instant.parse("2027-05-17T02:00:00Z");

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Calendar calendar;
    @Inject Publishing publishing;
    @Inject Units units;
    @Inject TestClock clock;
    @Inject Pieces pieces;

    @BeforeEach
    void people() {
        TestUsers.ensure(accounts);
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser(server.getURI());
        browser.logIn(username, TestUsers.PASSWORD);
        return browser;
    }

    private long anApprovedArticle() {
        return calendar.backlog(units.ownUnitCode()).stream().filter(b -> b.kind() == PieceKind.ARTICLE)
                .findFirst().orElseThrow(() -> new AssertionError("the sample library has no approved article left")).pieceId();
    }

    private Publication aScheduledFacebookPost() {
        return publishing.schedule(anApprovedArticle(), List.of("facebook"), MONDAY_NINE, "bien-tap").get(0);
    }

    @Test
    void theFeedShowsAPublicationWithItsMarkAndLinkAndTheWeeksAtRisk() {
        Publication post = aScheduledFacebookPost();
        HttpResponse<String> feed = loggedIn("duyet").get("/calendar/events?start=2027-04-26T00:00:00Z&end=2027-06-07T00:00:00Z");
        assertEquals(200, feed.statusCode(), feed.body());
        String json = feed.body();
        assertTrue(json.contains("\"id\":\"p" + post.id() + "\""), json);
        assertTrue(json.contains("\"url\":\"/publications/" + post.id() + "\""), json);
        assertTrue(json.contains("\"start\":\"2027-05-17T09:00:00\""), "wall-clock time of the unit: " + json);
        assertTrue(json.contains("◷ "), "a scheduled publication carries its mark: " + json);
        assertTrue(json.contains("Đã lên lịch, Fanpage Xã Hòa An: "), "the status is said in words too: " + json);
        assertTrue(json.contains("gap-at-risk") && json.contains("Có nguy cơ thiếu bài"), "the week at risk: " + json);
    }

    @Test
    void anEventIsTitledWithItsPiecesTitleNotTheUnitsName() {
        Publication post = aScheduledFacebookPost();
        String json = loggedIn("duyet").get("/calendar/events?start=2027-05-17&end=2027-05-18").body();
        assertTrue(json.contains("\"title\":\"◷ " + pieces.get(post.pieceId()).title() + "\""), json);
    }

    @Test
    void theCalendarsTodayIsTheUnitsDayWhileUtcIsStillOnTheDayBefore() {
        clock.set(Instant.parse("2026-12-04T21:40:00Z"));
        try {
            String page = loggedIn("bien-tap").get("/calendar").body();
            assertTrue(page.contains("data-today=\"2026-12-05\""), page);
            assertTrue(page.contains("data-now=\"2026-12-05T04:40:00\""), "FullCalendar's clock is Hanoi's: " + page);
        } finally {
            clock.set(Instant.parse("2027-05-17T01:00:00Z"));
        }
    }

    @Test
    void theCalendarIsOneClickFromTheHomePageAndItsLongBacklogFoldsAway() {
        Browser editor = loggedIn("bien-tap");
        assertTrue(editor.get("/").body().contains("<a href=\"/calendar\">Lịch biên tập</a>"), "the menu links the calendar");
        String page = editor.get("/calendar").body();
        assertTrue(calendar.backlog(units.ownUnitCode()).size() > 5, "the sample library leaves a long backlog");
        assertTrue(page.contains("<details id=\"backlog-box\">"), "folded: " + page);
        assertTrue(page.contains("data-may-edit=\"true\""), page);
        assertTrue(!page.contains("data-editor="), "herald.js turns every [data-editor] into a text editor: " + page);
        assertTrue(page.contains("data-all-day=\"Cả ngày\""), page);
        assertTrue(page.contains("data-list=\"Danh sách\""), page);
    }

    @Test
    void theFaviconIsAnsweredWithoutALoginAndLinkedFromEveryPage() {
        Browser visitor = new Browser(server.getURI());
        HttpResponse<String> icon = visitor.get("/favicon.ico");
        assertEquals(200, icon.statusCode());
        assertEquals("image/x-icon", icon.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(visitor.get("/login").body().contains("<link rel=\"icon\" href=\"/favicon.ico\""));
    }

    @Test
    void anEditorDragsAPublicationToAnotherDayAndTheServerMovesIt() {
        Publication post = aScheduledFacebookPost();
        Browser editor = loggedIn("bien-tap");
        String token = Browser.csrfTokenOf(editor.get("/calendar").body());
        HttpResponse<String> moved = editor.postJson("/calendar/move", "{\"publicationId\": " + post.id()
                + ", \"plannedAt\": \"2027-05-19T09:00\", \"csrfToken\": \"" + token + "\"}");
        assertEquals(200, moved.statusCode(), moved.body());
        assertTrue(moved.body().contains("19/05/2027 09:00"), moved.body());
        assertEquals(Instant.parse("2027-05-19T02:00:00Z"), publishing.get(post.id()).plannedAt());
    }

    @Test
    void aMoveIntoThePastIsRefusedWithTheServersReasonAndNothingMoves() {
        Publication post = aScheduledFacebookPost();
        Browser editor = loggedIn("bien-tap");
        String token = Browser.csrfTokenOf(editor.get("/calendar").body());
        HttpResponse<String> refused = editor.postJson("/calendar/move", "{\"publicationId\": " + post.id()
                + ", \"plannedAt\": \"2027-05-10T09:00\", \"csrfToken\": \"" + token + "\"}");
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("deadline"), refused.body());
        assertEquals(MONDAY_NINE, publishing.get(post.id()).plannedAt());
    }

    @Test
    void onlyAnEditorWithTheFormTokenMayMoveAPublication() {
        Publication post = aScheduledFacebookPost();
        Browser approver = loggedIn("duyet");
        String token = Browser.csrfTokenOf(approver.get("/calendar").body());
        assertEquals(403, approver.postJson("/calendar/move", "{\"publicationId\": " + post.id()
                + ", \"plannedAt\": \"2027-05-19T09:00\", \"csrfToken\": \"" + token + "\"}").statusCode());
        assertEquals(403, loggedIn("bien-tap").postJson("/calendar/move", "{\"publicationId\": " + post.id()
                + ", \"plannedAt\": \"2027-05-19T09:00\"}").statusCode());
        assertEquals(MONDAY_NINE, publishing.get(post.id()).plannedAt());
    }

    @Test
    void aBacklogPieceDroppedOnADayGoesOutOnTheChosenChannelAtTheFillHour() {
        long pieceId = anApprovedArticle();
        Browser editor = loggedIn("bien-tap");
        String page = editor.get("/calendar").body();
        assertTrue(page.contains("data-piece-id=\"" + pieceId + "\""), "the piece is in the side list");
        HttpResponse<String> placed = editor.postJson("/calendar/place", "{\"pieceId\": " + pieceId
                + ", \"channelId\": \"facebook\", \"date\": \"2027-05-20\", \"csrfToken\": \"" + Browser.csrfTokenOf(page) + "\"}");
        assertEquals(200, placed.statusCode(), placed.body());
        assertTrue(placed.body().contains("20/05/2027 08:00"), placed.body());
        assertTrue(calendar.backlog(units.ownUnitCode()).stream().noneMatch(b -> b.pieceId() == pieceId),
                "a scheduled piece leaves the side list");
    }

    @Test
    void theRescheduleFormOnThePublicationPageMovesIt() {
        Publication post = aScheduledFacebookPost();
        Browser editor = loggedIn("bien-tap");
        String page = editor.get("/publications/" + post.id()).body();
        assertTrue(page.contains("value=\"2027-05-17T09:00\""), "the form starts at the planned time");
        HttpResponse<String> answer = editor.post("/publications/" + post.id() + "/reschedule",
                Map.of("plannedAt", "2027-05-18T10:30", "csrfToken", Browser.csrfTokenOf(page)));
        assertEquals(303, answer.statusCode());
        assertEquals(Instant.parse("2027-05-18T03:30:00Z"), publishing.get(post.id()).plannedAt());
    }

    @Test
    void anEditorAsksForAFillProposalForTheWeeksAtRiskAndSeesIt() {
        Browser editor = loggedIn("bien-tap");
        String page = editor.get("/gaps").body();
        assertTrue(page.contains("2027-W20"), "the current week is at risk: " + page);
        HttpResponse<String> proposed = editor.post("/gaps/propose", Map.of("csrfToken", Browser.csrfTokenOf(page)));
        assertEquals(303, proposed.statusCode());
        String location = proposed.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/gaps?de-xuat="), location);
        String shown = editor.get(location).body();
        assertTrue(shown.contains("Đề xuất số " + location.replaceAll("\\D", "")), shown);
        assertTrue(shown.contains("Đang đề xuất, chưa lên lịch"), shown);
    }

    @Test
    void theCampaignsPageShowsTheYear() {
        String page = loggedIn("duyet").get("/campaigns?nam=2027").body();
        assertTrue(page.contains("Chiến dịch năm 2027"), page);
    }
}
