package vn.herald.web;

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
import vn.herald.TestUsers;
import vn.herald.account.Accounts;
import vn.herald.account.Role;

import java.io.IOException;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plans pages in a real browser: an editor marks a task's state and a contributor records a contribution; every
 * page passes axe-core, the Content-Security-Policy and the no-English check.
 */
@MicronautTest(transactional = false)
@ExtendWith(Chromium.Needed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanPagesBrowserTest {

    @Inject EmbeddedServer server;
    @Inject Accounts accounts;

    private Chromium chrome;
    private WebDriver driver;

    @BeforeAll
    void startBrowser() {
        TestUsers.ensure(accounts);
        accounts.create(new Accounts.AccountForm("truong-thcs", "Vũ Thị Trường", TestUsers.PASSWORD,
                EnumSet.of(Role.CONTRIBUTOR), null, true));
        chrome = new Chromium(server.getURI());
        driver = chrome.driver();
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (chrome != null) {
            chrome.close();
        }
    }

    @Test
    void anEditorAndAContributorUseThePlanPages() {
        chrome.logIn("bien-tap");
        driver.findElement(By.linkText("Kế hoạch")).click();
        chrome.check("plans");
        driver.findElement(By.partialLinkText("Kế hoạch tuyên truyền Nghị quyết số 57")).click();
        chrome.check("plan");
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("state-ban-tin-loa"))).selectByVisibleText("Đang thực hiện");
        driver.findElement(By.cssSelector("#task-ban-tin-loa form button[type=submit]")).click();
        chrome.expectFlash("Đã cập nhật trạng thái nhiệm vụ.");
        assertTrue(driver.findElement(By.id("task-ban-tin-loa")).getText().contains("Đang thực hiện"));
        chrome.logOut();

        chrome.open("/login");
        driver.findElement(By.id("username")).sendKeys("truong-thcs");
        driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(10))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/plans"));
        driver.findElement(By.partialLinkText("Kế hoạch tuyên truyền Nghị quyết số 57")).click();
        driver.findElement(By.cssSelector("#task-binh-dan-hoc-vu-so a.button")).click();
        chrome.check("plan-task");
        driver.findElement(By.id("c-org")).sendKeys("Trường THCS Hòa An");
        driver.findElement(By.id("c-what")).sendKeys("Tiết học Bình dân học vụ số cho phụ huynh");
        driver.findElement(By.id("c-place")).sendKeys("Trường THCS Hòa An");
        driver.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        chrome.expectFlash("Đã ghi nhận đóng góp.");
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("Tiết học Bình dân học vụ số cho phụ huynh"));
        chrome.check("plan-task-contributed");
        chrome.assertClean();
    }
}
