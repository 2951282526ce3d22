package vn.herald.web;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.TestVideos;
import vn.herald.account.Accounts;
import vn.herald.content.Piece;
import vn.herald.content.Pieces;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The calendar with the video channels: a video on YouTube, TikTok and the screen is listed by the month API, drawn in
 * the calendar in its channel's own colour with the channel's name, and opens the publication's page with its preview;
 * seven channels, seven colours.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VideoChannelsCalendarTest implements TestPropertyProvider {

    static final Instant MONDAY_NINE = Instant.parse("2027-05-17T02:00:00Z");

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject TestClock clock;
    @Inject JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("herald.channels-dir", TestChannels.folder(Map.of(
                        "cong.yml", "type: EPORTAL\nmode: dry-run\nname: Cổng thông tin xã\n",
                        "wordpress.yml", "type: EPORTAL\nmode: dry-run\nplatform: wordpress\nname: Trang WordPress xã\n"
                                + "site: https://cong.example\nusername: herald\n",
                        "loa.yml", TestChannels.fileDropLoudspeaker(1, 15, "06:00").replace("mode: live", "mode: dry-run"),
                        "man-hinh.yml", "type: SCREEN\nmode: dry-run\nname: Màn hình hội trường\n",
                        "man-hinh-2.yml", "type: SCREEN\nmode: dry-run\nname: Màn hình nhà văn hóa\n",
                        "youtube.yml", "type: YOUTUBE\nmode: dry-run\nname: Kênh YouTube xã Hòa An\n",
                        "tiktok.yml", "type: TIKTOK\nmode: dry-run\nname: TikTok xã Hòa An\n")).toString(),
                "herald.content-dir", TestChannels.folder(Map.of()).toString(),
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.upstream.enabled", "false");
    }

    private Browser loggedIn(String username) {
        Browser browser = new Browser(server.getURI());
        browser.logIn(username, TestUsers.PASSWORD);
        return browser;
    }

    @Test
    void aVideoOnYouTubeTikTokAndTheScreenIsInTheMonthInItsChannelsColourAndOpensItsPreview() throws IOException {
        TestVideos.needFfmpeg("VideoChannelsCalendarTest");
        TestUsers.ensure(accounts);
        clock.set(Instant.parse("2027-05-17T01:00:00Z"));
        Piece video = TestVideos.approvedVideo(pieces, "Video: Ngày Chuyển đổi số quốc gia", "Cài VNeID tại nhà văn hóa.",
                2, 120);
        List<Publication> scheduled = publishing.schedule(video.id(), List.of("youtube", "tiktok", "man-hinh"), MONDAY_NINE,
                "bien-tap");
        Publication onYouTube = scheduled.stream().filter(p -> p.channelId().equals("youtube")).findFirst().orElseThrow();
        Browser editor = loggedIn("bien-tap");

        HttpResponse<String> month = editor.get("/api/calendar?from=2027-05-01&to=2027-05-31");
        assertEquals(200, month.statusCode(), month.body());
        assertTrue(month.body().contains("\"id\":" + onYouTube.id() + ",") && month.body().contains("\"channelId\":\"youtube\""),
                "the month API lists the YouTube publication: " + month.body());

        List<Map<String, Object>> events = json.readValue(editor.get("/calendar/events?start=2027-05-17&end=2027-05-18").body(),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, String> colourOf = new java.util.HashMap<>();
        for (Map<String, Object> event : events) {
            Map<?, ?> props = (Map<?, ?>) event.get("extendedProps");
            if (props.get("publicationId") != null) {
                String label = (String) props.get("label");
                colourOf.put(label.substring(label.indexOf(", ") + 2, label.indexOf(": ")), (String) event.get("backgroundColor"));
                if (((Number) props.get("publicationId")).longValue() == onYouTube.id()) {
                    assertEquals("/publications/" + onYouTube.id(), event.get("url"));
                    assertTrue(label.contains("Kênh YouTube xã Hòa An: Video: Ngày Chuyển đổi số quốc gia"), label);
                }
            }
        }
        assertEquals(Set.of("Kênh YouTube xã Hòa An", "TikTok xã Hòa An", "Màn hình hội trường"), colourOf.keySet());
        assertEquals(3, new HashSet<>(colourOf.values()).size(), "each channel its own colour: " + colourOf);

        Document calendar = Jsoup.parse(editor.get("/calendar").body());
        Map<String, String> legend = new java.util.HashMap<>();
        calendar.select(".legend li:has(.swatch[data-colour])").forEach(li -> legend.put(li.text().strip(),
                li.selectFirst(".swatch").attr("data-colour")));
        assertEquals(7, legend.size(), legend.toString());
        assertEquals(7, new HashSet<>(legend.values()).size(), "seven channels, seven colours: " + legend);
        assertEquals(colourOf.get("Kênh YouTube xã Hòa An"), legend.get("Kênh YouTube xã Hòa An"), "the chip's colour is the legend's");

        HttpResponse<String> page = editor.get("/publications/" + onYouTube.id());
        assertEquals(200, page.statusCode(), page.body());
        Document publication = Jsoup.parse(page.body());
        assertTrue(publication.text().contains("Kênh YouTube xã Hòa An"), publication.text());
        assertTrue(publication.text().contains("Video: Ngày Chuyển đổi số quốc gia"), publication.text());
    }
}
