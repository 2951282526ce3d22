package vn.herald.web;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.herald.TestChannels;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.TestVideos;
import vn.herald.account.Accounts;
import vn.herald.broadcast.ScreenLoops;
import vn.herald.channel.Priority;
import vn.herald.content.Assets;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kiosk page of a screen in a real browser: it plays the loop, takes a new piece without reloading, shows an
 * emergency within 5 seconds, plays a video (an H.264/AAC MP4: Debian's Chromium decodes it) and keeps playing the last
 * loop, the video included, with Herald stopped. The screen asks every second ({@code pollSeconds: 1}), a slide stays
 * two seconds and the video three.
 */
@MicronautTest(transactional = false)
@ExtendWith(Chromium.Needed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScreenKioskTest implements TestPropertyProvider {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject TestClock clock;
    @Inject ScreenLoops loops;
    @Inject Assets assets;

    private Chromium chrome;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("herald.channels-dir", TestChannels.folder(Map.of("man-hinh.yml", """
                        type: SCREEN
                        mode: live
                        name: Màn hình hội trường
                        slideSeconds: 2
                        pollSeconds: 1
                        """)).toString(),
                "herald.test.clock", "true",
                "herald.publishing.scheduler-enabled", "false",
                "herald.campaign.sweep-enabled", "false");
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    private Publication published(String title, String summary, Priority priority) {
        Piece piece = pieces.create(new PieceForm(PieceKind.ARTICLE, null, title, summary, "<p>" + summary + "</p>", null,
                null, null, null, null, null, null, null, null), "bien-tap");
        pieces.submit(piece.id(), "bien-tap");
        pieces.approve(piece.id(), pieces.get(piece.id()).revision(), "duyet");
        return onTheScreen(piece, priority);
    }

    private Publication onTheScreen(Piece piece, Priority priority) {
        Publication publication = publishing.schedule(piece.id(), List.of("man-hinh"), clock.instant(), priority, false,
                "bien-tap").get(0);
        dispatcher.dispatch(publication.id());
        return publication;
    }

    /** The title of the slide on the screen now, or an empty text between two slides. */
    private String shown(WebDriver driver) {
        try {
            return driver.findElement(By.cssSelector("#stage .slide h2")).getText();
        } catch (NoSuchElementException | StaleElementReferenceException between) {
            return "";
        }
    }

    /** Whether a video on the screen is playing: its clock has moved past the start. */
    private boolean videoPlays() {
        return Boolean.TRUE.equals(chrome.script(
                "var v = document.querySelector('#stage .slide video'); return !!v && v.currentTime > 0 && !v.paused;"));
    }

    private Set<String> titlesSeenFor(WebDriver driver, Duration duration) {
        Set<String> seen = new LinkedHashSet<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            seen.add(shown(driver));
            chrome.script("return 1;");
        }
        seen.remove("");
        return seen;
    }

    @Test
    void theKioskPlaysTheLoopTakesChangesShowsAnEmergencyAndKeepsPlayingWithHeraldStopped() throws IOException {
        TestVideos.needFfmpeg("ScreenKioskTest");
        TestUsers.ensure(accounts);
        clock.set(Instant.parse("2027-05-17T01:00:00Z"));
        published("Lịch tiếp công dân", "Chủ tịch xã tiếp công dân sáng thứ Năm.", Priority.NORMAL);
        published("Thu phí vệ sinh môi trường", "Bà con nộp phí tại nhà văn hóa thôn.", Priority.NORMAL);
        String url = loops.addresses().get(0).url();
        String path = url.substring(url.indexOf("/screen/"));

        chrome = new Chromium(server.getURI());
        WebDriver driver = chrome.driver();
        chrome.open(path);
        chrome.script("window.heraldSamePage = true;");
        Set<String> loop = titlesSeenFor(driver, Duration.ofSeconds(5));
        assertEquals(Set.of("Lịch tiếp công dân", "Thu phí vệ sinh môi trường"), loop, "the loop plays both slides");
        assertTrue(driver.findElement(By.id("ticker-text")).getText().contains("Thu phí vệ sinh môi trường"));
        chrome.check("screen-loop");

        published("Lịch cắt điện thôn Đông", "Cắt điện từ 8 giờ đến 11 giờ.", Priority.NORMAL);
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> shown(d).equals("Lịch cắt điện thôn Đông"));

        onTheScreen(TestVideos.approvedVideo(pieces, "Ngày Chuyển đổi số 10/10", "Cài VNeID tại nhà văn hóa.", 3, 90),
                Priority.NORMAL);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> shown(d).equals("Ngày Chuyển đổi số 10/10") && videoPlays());
        WebElement video = driver.findElement(By.cssSelector("#stage .slide video"));
        assertEquals(Boolean.TRUE, chrome.script("return arguments[0].muted && arguments[0].textTracks.length === 1"
                + " && arguments[0].textTracks[0].language === 'vi' && arguments[0].textTracks[0].mode === 'showing';", video),
                "the video plays muted with its Vietnamese captions showing");
        chrome.check("screen-video");

        // a video whose file cannot be had is skipped; the old slide stays until the next one is ready
        Piece broken = TestVideos.approvedVideo(pieces, "Video hỏng không phát được", "Tệp đã mất.", 2, 200);
        Publication lost = publishing.schedule(broken.id(), List.of("man-hinh"), clock.instant(), Priority.NORMAL, false,
                "bien-tap").get(0);
        Files.delete(assets.fileOf(assets.find(broken.videoAssetId()).orElseThrow()));
        dispatcher.dispatch(lost.id());
        Set<String> withBroken = titlesSeenFor(driver, Duration.ofSeconds(12));
        assertTrue(withBroken.containsAll(Set.of("Lịch tiếp công dân", "Lịch cắt điện thôn Đông", "Ngày Chuyển đổi số 10/10")),
                "the loop goes on: " + withBroken);
        assertTrue(!withBroken.contains("Video hỏng không phát được"), "a video that cannot play is never shown: " + withBroken);

        Publication storm = published("Bão số 3 sắp đổ bộ", "Bà con không ra khơi, gia cố nhà cửa.", Priority.EMERGENCY);
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> shown(d).equals("Bão số 3 sắp đổ bộ"));
        assertTrue(driver.findElement(By.cssSelector("#stage .slide")).getAttribute("class").contains("emergency"));
        assertEquals(Set.of("Bão số 3 sắp đổ bộ"), titlesSeenFor(driver, Duration.ofSeconds(3)), "the emergency holds the screen");
        chrome.check("screen-emergency");

        publishing.cancel(storm.id(), "Bão đã đi qua", "bien-tap");
        new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !shown(d).isEmpty() && !shown(d).equals("Bão số 3 sắp đổ bộ"));

        server.stop();
        Set<String> offline = titlesSeenFor(driver, Duration.ofSeconds(14));
        assertEquals(Set.of("Lịch tiếp công dân", "Thu phí vệ sinh môi trường", "Lịch cắt điện thôn Đông",
                "Ngày Chuyển đổi số 10/10"), offline, "with Herald stopped the last loop keeps playing");
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> shown(d).equals("Ngày Chuyển đổi số 10/10") && videoPlays());
        assertEquals(Boolean.TRUE, chrome.script("return window.heraldSamePage === true;"), "never reloaded");
        chrome.check("screen-offline");
        chrome.assertClean();
    }
}
