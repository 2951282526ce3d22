package vn.herald.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.data.model.Pageable;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.campaign.Campaigns;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.Publishing;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editors' journey in a real browser (Debian's headless Chromium): write an article with a picture, submit it,
 * approve it, schedule it on dry-run channels, drag it to another day on the calendar (and see a move into the past
 * refused), see the gaps and campaigns, see the dry-run request, log out. Screenshots of the main pages go to
 * target/screenshots; axe-core checks each main page for critical and serious violations, and the browser's console
 * for anything the Content-Security-Policy refused (an inline script or style left in a page, one a library injects).
 */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
@Property(name = "herald.campaign.sweep-enabled", value = "false")
@ExtendWith(Chromium.Needed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserJourneyTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Dispatcher dispatcher;
    @Inject Publishing publishing;
    @Inject TestClock clock;
    @Inject Campaigns campaigns;

    private Chromium chrome;
    private WebDriver driver;

    @BeforeAll
    void startBrowser() {
        TestUsers.ensure(accounts);
        chrome = new Chromium(server.getURI());
        driver = chrome.driver();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    private String url(String path) {
        return chrome.url(path);
    }

    private void logIn(String username) {
        chrome.logIn(username);
    }

    private void logOut() {
        chrome.logOut();
    }

    private void collectPolicyViolations(String name) {
        chrome.readLog(name);
    }

    private void checkPage(String name) {
        chrome.check(name);
    }

    private void expectFlash(String text) {
        chrome.expectFlash(text);
    }

    /**
     * Drags a calendar event onto a day cell with real pointer input (Selenium Actions): FullCalendar starts a drag
     * only after the pointer has moved a few pixels, so the path goes through small steps.
     */
    private void dragTo(WebElement event, String date) {
        WebElement day = driver.findElement(By.cssSelector("td.fc-daygrid-day[data-date='" + date + "']"));
        new Actions(driver).moveToElement(event).clickAndHold().moveByOffset(8, 8).moveByOffset(8, 8)
                .moveToElement(day).moveByOffset(2, 2).pause(Duration.ofMillis(100)).release().perform();
    }

    private Path aPicture() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 110, 190));
        g.fillRect(0, 0, 320, 200);
        g.setColor(Color.WHITE);
        g.fillOval(110, 50, 100, 100);
        g.dispose();
        Path file = Files.createTempFile("herald-picture-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void anArticleGoesFromTheEditorThroughApprovalToDryRunChannels() throws IOException {
        driver.get(url("/"));
        assertTrue(driver.getCurrentUrl().endsWith("/login"), "a visitor is sent to the login page");
        checkPage("login");

        // the editor writes an article with a picture and submits it
        logIn("bien-tap");
        checkPage("home");
        driver.findElement(By.linkText("Viết bài")).click();
        driver.findElement(By.id("title")).sendKeys("Hướng dẫn nộp hồ sơ trực tuyến");
        driver.findElement(By.id("summary")).sendKeys("Ba bước nộp hồ sơ trên Cổng dịch vụ công.");
        var editor = driver.findElement(By.id("body-editor"));
        editor.click();
        editor.sendKeys("Bà con có thể nộp hồ sơ tại nhà.");
        driver.findElement(By.xpath("//button[text()='Đậm']")).click();
        editor.sendKeys(" Không cần đến xã.");
        checkPage("editor");
        driver.findElement(By.xpath("//button[text()='Lưu bản nháp']")).click();
        expectFlash("Đã lưu");
        String piecePath = driver.getCurrentUrl().replaceAll("\\?.*", "").replace(server.getURI().toString().replaceAll("/$", ""), "");

        driver.findElement(By.id("file")).sendKeys(aPicture().toString());
        driver.findElement(By.id("upload-alt")).sendKeys("Người dân ngồi trước máy tính nộp hồ sơ");
        driver.findElement(By.xpath("//button[text()='Tải lên']")).click();
        expectFlash("Đã tải");
        var figure = driver.findElement(By.cssSelector(".article-body figure img"));
        assertEquals("Người dân ngồi trước máy tính nộp hồ sơ", figure.getAttribute("alt"));
        assertTrue(driver.findElement(By.cssSelector(".type-facebook_page")).getText().contains("Bà con có thể nộp hồ sơ tại nhà."),
                "the Facebook preview shows the post text");
        assertTrue(driver.findElement(By.cssSelector(".type-loudspeaker .duration")).getText().matches("\\d+:\\d\\d"));
        checkPage("piece");
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById('previews-h').scrollIntoView();");
        checkPage("previews");
        // the picture is in the unit's media library, with the piece that uses it
        driver.findElement(By.linkText("Thư viện")).click();
        assertTrue(driver.findElements(By.cssSelector(".media-item")).stream()
                .anyMatch(item -> item.getText().contains("Hướng dẫn nộp hồ sơ trực tuyến")));
        checkPage("media");
        driver.get(url(piecePath));
        driver.findElement(By.xpath("//button[text()='Gửi duyệt']")).click();
        expectFlash("Đã gửi duyệt");
        logOut();

        // the approver approves it from the review queue
        logIn("duyet");
        driver.findElement(By.linkText("Duyệt bài")).click();
        checkPage("review");
        driver.findElement(By.linkText("Hướng dẫn nộp hồ sơ trực tuyến")).click();
        assertTrue(driver.findElement(By.cssSelector("pre.diff")).getText().contains("Bà con có thể nộp hồ sơ tại nhà."));
        driver.findElement(By.xpath("//button[starts-with(text(),'Duyệt bản số')]")).click();
        expectFlash("Đã duyệt");
        logOut();

        // the editor schedules it on the (dry-run) WordPress portal and Facebook
        logIn("bien-tap");
        driver.get(url(piecePath));
        driver.findElement(By.id("ch-portal-wordpress")).click();
        driver.findElement(By.id("ch-facebook")).click();
        var plannedAt = driver.findElement(By.id("plannedAt"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = '2027-05-17T09:00';", plannedAt);
        driver.findElement(By.xpath("//button[text()='Lên lịch']")).click();
        expectFlash("Đã lên lịch");
        String listed = driver.findElement(By.tagName("main")).getText();
        assertTrue(listed.contains("Hướng dẫn nộp hồ sơ trực tuyến"), listed);

        // the calendar shows both; the editor drags the portal's to Wednesday and the server moves it
        long pieceId = Long.parseLong(piecePath.replaceAll("\\D", ""));
        Publication portal = publishing.list(new Publishing.Filter(null, "portal-wordpress", pieceId, null, null),
                Pageable.from(0, 1)).getContent().get(0);
        campaigns.sweep(); // the 18/5 campaign's window is open: it launches by itself, and shows as a band
        driver.findElement(By.linkText("Lịch biên tập")).click();
        assertTrue(driver.findElement(By.cssSelector("a.fc-event.campaign-band")).getAttribute("aria-label")
                .contains("Ngày Khoa học và Công nghệ Việt Nam"));
        WebElement event = driver.findElement(By.cssSelector("a.fc-event[href='/publications/" + portal.id() + "']"));
        assertTrue(event.getText().contains("Hướng dẫn nộp hồ sơ trực tuyến"), event.getText());
        assertTrue(event.getText().contains("◷"), "a scheduled publication carries its mark: " + event.getText());
        dragTo(event, "2027-05-19");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-ok")));
        assertTrue(driver.findElement(By.id("calendar-ok")).getText().contains("19/05/2027 09:00"));
        assertEquals(Instant.parse("2027-05-19T02:00:00Z"), publishing.get(portal.id()).plannedAt(), "the server moved it");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("td[data-date='2027-05-19'] a.fc-event[href='/publications/" + portal.id() + "']")));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0);");
        checkPage("calendar");

        // the week view speaks Vietnamese too: its all-day row is "Cả ngày"
        driver.findElement(By.xpath("//button[text()='Tuần']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fc-timeGridWeek-view")));
        String week = driver.findElement(By.id("calendar")).getText();
        assertTrue(week.contains("Cả ngày") && !week.contains("all-day"), week);
        driver.findElement(By.xpath("//button[text()='Tháng']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fc-dayGridMonth-view")));

        // a move into the past is refused by the server: the reason is shown and the event goes back
        dragTo(driver.findElement(By.cssSelector("a.fc-event[href='/publications/" + portal.id() + "']")), "2027-05-10");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar-error")));
        assertTrue(driver.findElement(By.id("calendar-error")).getText().startsWith("Không thực hiện được:"),
                driver.findElement(By.id("calendar-error")).getText());
        assertEquals(1, driver.findElements(By.cssSelector("td[data-date='2027-05-19'] a.fc-event[href='/publications/"
                + portal.id() + "']")).size(), "the refused move is undone on the page");
        assertEquals(Instant.parse("2027-05-19T02:00:00Z"), publishing.get(portal.id()).plannedAt());

        driver.findElement(By.linkText("Khoảng trống")).click();
        if (!driver.findElements(By.xpath("//button[text()='Đề xuất lấp chỗ trống']")).isEmpty()) {
            driver.findElement(By.xpath("//button[text()='Đề xuất lấp chỗ trống']")).click();
            assertTrue(driver.findElement(By.id("proposal")).getText().contains("Đề xuất số"));
        }
        checkPage("gaps");
        driver.findElement(By.linkText("Chiến dịch")).click();
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Ngày Khoa học và Công nghệ Việt Nam"));
        checkPage("campaigns");

        // time passes and the dispatcher handles what is due: dry-run keeps the request instead of sending
        clock.advance(Duration.ofHours(2));
        for (Publication p : publishing.list(new Publishing.Filter(null, null, pieceId, null, null), Pageable.from(0, 10)).getContent()) {
            if (!p.plannedAt().isAfter(clock.instant())) {
                dispatcher.dispatch(p.id());
            }
        }
        driver.get(url("/publications"));
        checkPage("publications");
        driver.findElement(By.xpath("//tr[td//text()[contains(., 'Fanpage')] and td//text()[contains(., 'Hướng dẫn nộp hồ sơ')]]//a")).click();
        String request = driver.findElement(By.cssSelector("pre.request")).getText();
        assertTrue(request.startsWith("POST "), request);
        assertTrue(request.contains("Bà con có thể nộp hồ sơ tại nhà."), request);
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Chạy thử: không gửi thật"));
        checkPage("publication");

        driver.findElement(By.linkText("Kênh")).click();
        checkPage("channels");

        // a phone-sized screen gets the same pages
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/"));
        checkPage("home-phone");
        // the calendar becomes a list of the week, titles readable
        driver.get(url("/calendar"));
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fc-listWeek-view")));
        checkPage("calendar-phone");
        driver.manage().window().setSize(new Dimension(1280, 1000));

        // what is next, reports and campaigns, each one click from the menu
        driver.findElement(By.linkText("Trang chính")).click();
        assertTrue(driver.findElement(By.tagName("h1")).getText().startsWith("Việc sắp tới"));
        checkPage("home");
        driver.findElement(By.linkText("Báo cáo")).click();
        assertTrue(driver.findElement(By.id("report-h")).getText().startsWith("Báo cáo tháng"));
        checkPage("reports");
        driver.findElement(By.linkText("Chiến dịch")).click();
        assertTrue(driver.findElement(By.id("template-chuyen-doi-so-10-10")).getText().contains("Ngày Chuyển đổi số quốc gia"));
        checkPage("campaigns");

        // the HTML report keeps its styles inline (it is saved and opened offline): allowed by their hashes
        driver.get(url("/api/reports?period=2027-05&format=html"));
        assertTrue(driver.findElement(By.tagName("h1")).getText().length() > 0);
        collectPolicyViolations("report");
        driver.get(url("/"));

        logOut();
        driver.get(url("/"));
        assertTrue(driver.getCurrentUrl().endsWith("/login"), "after logging out the pages need a login again");

        // the residents' side: the portal and its 404 page
        driver.get(url("/portal"));
        checkPage("portal");
        driver.get(url("/portal/bai/khong-co-bai-nay"));
        collectPolicyViolations("portal-404");
        // the API's own documentation page: Swagger UI starts from one inline script, allowed by its hash
        driver.get(url("/swagger-ui/index.html"));
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .info")));
        collectPolicyViolations("swagger-ui");
        driver.get(url("/portal"));

        // the policy is in force and its refusals are seen: an inline script added to the page does not run
        Object ran = ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("const s = document.createElement('script');"
                + " s.textContent = 'window.inlineRan = true;'; document.head.appendChild(s); return window.inlineRan === true;");
        assertEquals(Boolean.FALSE, ran, "an inline script ran on the portal");
        List<String> probe = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy")).toList();
        assertEquals(1, probe.size(), "the refused inline script is logged: " + probe);

        chrome.assertClean();
    }
}
