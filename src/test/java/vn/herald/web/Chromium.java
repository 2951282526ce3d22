package vn.herald.web;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import vn.herald.TestUsers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Debian's headless Chromium driven for the browser journeys, and what they check on every page a person sees: a
 * screenshot (target/screenshots), axe-core's verdict (no critical or serious violation), the browser's log (nothing
 * the Content-Security-Policy refused, no script error) and the visible text (no English, instant, code or path).
 */
final class Chromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SHOTS = Path.of("target/screenshots");
    static final Dimension DESKTOP = new Dimension(1280, 1000);
    static final Dimension PHONE = new Dimension(390, 844);

    /** Skips loudly without Chromium, except under CI=true, where the journeys must run. */
    static class Needed implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
                return ConditionEvaluationResult.enabled("chromium and chromedriver are installed");
            }
            if ("true".equals(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: the browser journeys must run, and will fail without chromium");
            }
            String message = "SKIPPED " + context.getDisplayName() + ": no chromium/chromedriver (apt-get install chromium chromium-driver; .ci/run does)";
            System.err.println("*** " + message);
            return ConditionEvaluationResult.disabled(message);
        }
    }

    private final WebDriver driver;
    private final Path profile;
    private final URI base;
    private final List<String> accessibility = new ArrayList<>();
    private final List<String> policyViolations = new ArrayList<>();
    private final List<String> scriptErrors = new ArrayList<>();
    private final List<String> english = new ArrayList<>();

    Chromium(URI base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("herald-chromium-");
            Files.createDirectories(SHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--lang=vi");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    }

    WebDriver driver() {
        return driver;
    }

    String url(String path) {
        return base.resolve(path).toString();
    }

    /** The path of the page shown, without its query. */
    String path() {
        return driver.getCurrentUrl().replaceAll("\\?.*", "").replace(base.toString().replaceAll("/$", ""), "");
    }

    void open(String path) {
        driver.get(url(path));
    }

    void logIn(String username) {
        open("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlToBe(url("/")));
    }

    void logOut() {
        driver.findElement(By.cssSelector("form.logout button")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login"));
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Waits for the next page's confirmation: right after a click the old page (with its own message) may still be
     * there, so a plain lookup can read it or find it gone.
     */
    void expectFlash(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".flash.ok"), text));
    }

    /** Whether a picture has loaded (lazy ones are given a few seconds once in view). */
    boolean loaded(WebElement picture) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> ((Number) script(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", picture)).intValue() > 0);
        } catch (org.openqa.selenium.TimeoutException e) {
            return false;
        }
    }

    /** Waits for the refusal the page shows and gives its text. */
    String expectError() {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flash.error"))).getText();
    }

    /**
     * What the browser refused under the Content-Security-Policy since the last look (Chromium logs each refusal),
     * and the errors scripts threw; a resource answered 404 (the portal's missing page) is the server's to say.
     */
    void readLog(String name) {
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getMessage().contains("Content Security Policy")) {
                policyViolations.add(name + ": " + entry.getMessage());
            } else if (entry.getLevel() == Level.SEVERE && !entry.getMessage().contains("Failed to load resource")) {
                scriptErrors.add(name + ": " + entry.getMessage());
            }
        }
    }

    /** Every check on the page shown: screenshot, log, accessibility and the words a person reads. */
    void check(String name) {
        readLog(name);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Results results = new AxeBuilder().analyze(driver);
        for (Rule violation : results.getViolations()) {
            if ("critical".equals(violation.getImpact()) || "serious".equals(violation.getImpact())) {
                accessibility.add(name + ": " + violation.getId() + " (" + violation.getImpact() + ") "
                        + violation.getNodes().stream().map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")));
            }
        }
        EnglishText.in(driver.findElement(By.tagName("body")).getText()).forEach(found -> english.add(name + ": " + found));
    }

    /** What every page of the journey must have been: accessible, within the policy, without script errors, in Vietnamese. */
    void assertClean() {
        assertEquals(List.of(), accessibility, "critical or serious accessibility violations");
        assertEquals(List.of(), policyViolations, "what the Content-Security-Policy refused on the journey's pages");
        assertEquals(List.of(), scriptErrors, "errors the pages' scripts threw");
        assertEquals(List.of(), english, "English, instants, codes or server paths a person would read");
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
