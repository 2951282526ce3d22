package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.channel.video.ManualVideoExecutor;
import vn.herald.content.Piece;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceKind;
import vn.herald.content.Pieces;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The made videos in a real browser: after “Tạo video”, Chromium loads each video from /media/files (in ranges) to
 * its full length, and its Vietnamese captions track, within the page's Content-Security-Policy. Screenshot in
 * target/screenshots/piece-videos.png.
 */
@MicronautTest(transactional = false)
@Property(name = "herald.test.manual-video-making", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
@ExtendWith(Chromium.Needed.class)
class VideoPreviewBrowserTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Pieces pieces;
    @Inject ManualVideoExecutor executor;

    @Test
    void theEditorWatchesBothMadeVideosWithTheirCaptionsInTheBrowser() throws Exception {
        TestUsers.ensure(accounts);
        Piece piece = pieces.create(new PieceForm(PieceKind.RADIO_SCRIPT, null, "Chuyển đổi số cho bà con", null, null,
                "Chuyển đổi số: Người dân được hưởng lợi gì?", null, null, List.of(), null, null, null, null, null),
                "bien-tap");
        try (Chromium chrome = new Chromium(server.getURI())) {
            chrome.logIn("bien-tap");
            chrome.open("/pieces/" + piece.id());
            chrome.driver().findElement(By.cssSelector("form[action='/pieces/" + piece.id() + "/videos'] button")).click();
            chrome.expectFlash("Đã bắt đầu tạo video");
            executor.runAll();
            chrome.open("/pieces/" + piece.id());
            List<WebElement> videos = chrome.driver().findElements(By.cssSelector(".made-video video"));
            assertEquals(2, videos.size());
            for (WebElement video : videos) {
                chrome.script("arguments[0].textTracks[0].mode = 'showing';", video);
                double seconds = new WebDriverWait(chrome.driver(), Duration.ofSeconds(20)).until(d -> {
                    Object duration = chrome.script("return arguments[0].readyState >= 1 ? arguments[0].duration : null;", video);
                    return duration instanceof Number n ? n.doubleValue() : null;
                });
                assertTrue(seconds > 3, "the video plays past its title card: " + seconds);
                long cues = new WebDriverWait(chrome.driver(), Duration.ofSeconds(20)).until(d -> {
                    Object count = chrome.script("var t = arguments[0].textTracks[0]; return t && t.cues && t.cues.length > 0 ? t.cues.length : null;", video);
                    return count instanceof Number n ? n.longValue() : null;
                });
                assertTrue(cues >= 1);
                Object text = chrome.script("return arguments[0].textTracks[0].cues[0].text;", video);
                assertEquals("Chuyển đổi số: Người dân được hưởng lợi gì?", text);
            }
            chrome.script("document.getElementById('videos-h').scrollIntoView();");
            chrome.check("piece-videos");
            chrome.assertClean();
        }
    }
}
