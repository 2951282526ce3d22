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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.herald.TestClock;
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;
import vn.herald.content.PieceForm;
import vn.herald.content.PieceStatus;
import vn.herald.content.Pieces;
import vn.herald.publishing.Dispatcher;
import vn.herald.publishing.Publication;
import vn.herald.publishing.PublicationStatus;
import vn.herald.publishing.Publishing;
import vn.herald.unit.Units;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a commune editor, the approver, a province officer and a phone meet on the way, in a real browser: the error
 * paths of issue 16 (a form sent without its title, a file that is not a picture, an edit over someone else's, a
 * schedule without a channel, a reason left out), each answered in Vietnamese with what was typed kept; the cover
 * and the previews' pictures; a rejection told by the bell and labelled "Bị trả lại"; a dry run cancelled; search
 * without diacritics; the province's reports. Every page is checked by {@link Chromium#check}: axe-core, the browser
 * log, and no English, instant, code or server path in what a person reads.
 */
@MicronautTest(transactional = false)
@Property(name = "herald.test.clock", value = "true")
@Property(name = "herald.publishing.scheduler-enabled", value = "false")
@Property(name = "herald.campaign.sweep-enabled", value = "false")
@ExtendWith(Chromium.Needed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorsJourneyTest {

    private static final String PROVINCE = "tinh-hanh-trinh";

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;
    @Inject Units units;
    @Inject Pieces pieces;
    @Inject Publishing publishing;
    @Inject Dispatcher dispatcher;
    @Inject TestClock clock;

    private Chromium chrome;
    private WebDriver driver;

    @BeforeAll
    void startBrowser() {
        TestUsers.ensure(accounts);
        clock.set(Instant.parse("2027-03-01T01:00:00Z"));
        units.create(new Units.UnitForm(PROVINCE, "Tỉnh Hành Trình", "Asia/Ho_Chi_Minh", null));
        units.update(units.ownUnitCode(), new Units.UnitForm(null, "Xã Hòa An", "Asia/Ho_Chi_Minh", PROVINCE));
        accounts.create(new Accounts.AccountForm("so-van-hoa", "Sở Văn hóa Tỉnh", TestUsers.PASSWORD, EnumSet.of(Role.EDITOR),
                PROVINCE, true));
        chrome = new Chromium(server.getURI());
        driver = chrome.driver();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    private void click(String buttonText) {
        driver.findElement(By.xpath("//button[normalize-space()='" + buttonText + "']")).click();
    }

    /** The server's refusal, not the browser's own check, is what the journey reads. */
    private void withoutBrowserChecks() {
        chrome.script("document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'));");
    }

    private long pieceId() {
        return Long.parseLong(chrome.path().replaceAll("\\D", ""));
    }

    @Test
    void everyPathAnEditorMeetsSpeaksVietnameseKeepsWhatWasTypedAndShowsTheTruth() throws IOException {
        chrome.logIn("bien-tap");
        chrome.check("journey-home");

        // a form sent without its title: refused in Vietnamese, the summary typed is still there, the title marked
        chrome.open("/pieces/new");
        withoutBrowserChecks();
        driver.findElement(By.id("summary")).sendKeys("Thủ đoạn giả danh công an gọi điện.");
        click("Lưu bản nháp");
        assertFalse(chrome.expectError().isBlank());
        assertEquals("Thủ đoạn giả danh công an gọi điện.", driver.findElement(By.id("summary")).getAttribute("value"));
        assertEquals("true", driver.findElement(By.id("title")).getAttribute("aria-invalid"));
        chrome.check("journey-write-refused");
        driver.findElement(By.id("title")).sendKeys("Cảnh giác lừa đảo qua điện thoại");
        click("Lưu bản nháp");
        chrome.expectFlash("Đã lưu");
        String piecePath = chrome.path();
        long id = pieceId();

        // a file that is not a picture
        Path fake = Files.createTempFile("fake-", ".png");
        Files.writeString(fake, "không phải ảnh");
        new Select(driver.findElement(By.id("upload-role"))).selectByValue("COVER");
        driver.findElement(By.id("file")).sendKeys(fake.toString());
        driver.findElement(By.id("upload-alt")).sendKeys("Ảnh minh họa");
        click("Tải lên");
        assertTrue(chrome.expectError().contains(fake.getFileName().toString()), "the refusal names the file");
        chrome.check("journey-upload-refused");

        // a real picture becomes the cover, and every preview shows it before anything is published
        new Select(driver.findElement(By.id("upload-role"))).selectByValue("COVER");
        driver.findElement(By.id("file")).sendKeys(aPicture().toString());
        driver.findElement(By.id("upload-alt")).sendKeys("Điện thoại hiện cuộc gọi lạ");
        click("Tải lên");
        chrome.expectFlash("Đã đặt ảnh bìa");
        // pictures a person sees (the library's thumbnails wait folded until asked for)
        List<WebElement> pictures = driver.findElements(By.cssSelector("section img")).stream()
                .filter(WebElement::isDisplayed).toList();
        assertFalse(pictures.isEmpty());
        for (WebElement picture : pictures) {
            chrome.script("arguments[0].scrollIntoView();", picture);
            assertTrue(chrome.loaded(picture), "a preview picture that does not load: " + picture.getAttribute("src"));
        }
        chrome.check("journey-previews");

        // an edit over someone else's newer save: refused, what was typed is kept
        chrome.open(piecePath + "/edit");
        pieces.update(id, new PieceForm(null, null, null, "Tóm tắt người khác vừa sửa.", null, null, null, null, null,
                null, null, null, null, pieces.get(id).revision()), "duyet");
        WebElement summary = driver.findElement(By.id("summary"));
        summary.clear();
        summary.sendKeys("Tóm tắt của tôi.");
        click("Lưu bản nháp");
        assertFalse(chrome.expectError().isBlank());
        assertEquals("Tóm tắt của tôi.", driver.findElement(By.id("summary")).getAttribute("value"));
        chrome.check("journey-edit-stale");

        // the body the review needs, then off to review
        pieces.update(id, new PieceForm(null, null, null, null, "<p>Công an không bao giờ gọi điện yêu cầu chuyển tiền.</p>",
                null, null, null, null, null, null, null, null, pieces.get(id).revision()), "bien-tap");
        chrome.open(piecePath);
        click("Gửi duyệt");
        chrome.expectFlash("Đã gửi duyệt");
        chrome.logOut();

        // the approver sees who sent it and when; a rejection without a reason is refused, then sent with one
        chrome.logIn("duyet");
        int waiting = Integer.parseInt(driver.findElement(By.cssSelector("a[href='/review'] + .count")).getText());
        assertEquals(pieces.list(new Pieces.Filter(null, null, PieceStatus.IN_REVIEW, null, null, null), Pageable.from(0, 100))
                .getTotalSize(), waiting, "the menu counts what waits for review");
        driver.findElement(By.linkText("Duyệt bài")).click();
        String queue = driver.findElement(By.tagName("main")).getText();
        assertTrue(queue.contains("Gửi duyệt bởi Nguyễn Thị Biên Tập lúc 01/03/2027"), queue);
        chrome.check("journey-review");
        driver.findElement(By.linkText("Cảnh giác lừa đảo qua điện thoại")).click();
        withoutBrowserChecks();
        driver.findElement(By.xpath("//button[starts-with(normalize-space(),'Trả lại bản số')]")).click();
        assertFalse(chrome.expectError().isBlank());
        chrome.check("journey-reject-refused");
        driver.findElement(By.id("reason")).sendKeys("Thêm số điện thoại đường dây nóng của công an xã.");
        driver.findElement(By.xpath("//button[starts-with(normalize-space(),'Trả lại bản số')]")).click();
        chrome.expectFlash("Đã trả bài");
        chrome.logOut();

        // the editor is told: the bell counts it, the notice gives the reason, the list says "Bị trả lại"
        chrome.logIn("bien-tap");
        WebElement bell = driver.findElement(By.cssSelector("a.bell"));
        assertEquals("1", bell.findElement(By.cssSelector(".count")).getText());
        bell.click();
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Thêm số điện thoại đường dây nóng"));
        chrome.check("journey-notifications");
        chrome.open("/pieces?text=lua+dao");
        String found = driver.findElement(By.tagName("main")).getText();
        assertTrue(found.contains("Cảnh giác lừa đảo qua điện thoại"), "searched without diacritics: " + found);
        assertTrue(found.contains("Bị trả lại"), found);
        chrome.check("journey-search");

        // approved (by the approver's hand, outside the browser), then scheduled: without a channel it is refused
        chrome.open(piecePath);
        click("Gửi duyệt");
        chrome.expectFlash("Đã gửi duyệt");
        pieces.approve(id, pieces.get(id).revision(), "duyet");
        chrome.open(piecePath);
        WebElement plannedAt = driver.findElement(By.id("plannedAt"));
        chrome.script("arguments[0].value = '2027-03-01T09:30';", plannedAt);
        click("Lên lịch");
        assertFalse(chrome.expectError().isBlank());
        assertEquals("2027-03-01T09:30", driver.findElement(By.id("plannedAt")).getAttribute("value"), "the time typed is kept");
        chrome.check("journey-schedule-refused");
        driver.findElement(By.id("ch-facebook")).click();
        click("Lên lịch");
        chrome.expectFlash("Đã lên lịch");

        // the dry run goes out; cancelling it works, because it never reached Facebook
        clock.advance(Duration.ofHours(2));
        Publication post = publishing.list(new Publishing.Filter(null, "facebook", id, null, null), Pageable.from(0, 1))
                .getContent().get(0);
        dispatcher.dispatch(post.id());
        chrome.open("/publications/" + post.id());
        chrome.check("journey-publication");
        driver.findElement(By.id("cancel-reason")).sendKeys("Chỉ là chạy thử");
        click("Hủy lần đăng");
        chrome.expectFlash("Đã hủy");
        assertEquals(PublicationStatus.CANCELLED, publishing.get(post.id()).status());

        // on a phone: the home page and the calendar's list
        driver.manage().window().setSize(Chromium.PHONE);
        chrome.open("/");
        chrome.check("journey-home-phone");
        chrome.open("/calendar");
        chrome.check("journey-calendar-phone");
        driver.manage().window().setSize(Chromium.DESKTOP);
        chrome.logOut();

        // the province officer reads the communes' overview on the reports page
        chrome.logIn("so-van-hoa");
        driver.findElement(By.linkText("Báo cáo")).click();
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Xã Hòa An"));
        chrome.check("journey-province-reports");
        chrome.logOut();

        // the residents' portal has its own search box
        chrome.open("/portal");
        assertEquals(1, driver.findElements(By.cssSelector("input[name='tu-khoa']")).size());
        chrome.check("journey-portal");

        chrome.assertClean();
    }

    private static Path aPicture() throws IOException {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(190, 60, 30));
        g.fillRect(0, 0, 320, 200);
        g.dispose();
        Path file = Files.createTempFile("herald-cover-", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}
