package io.vigil.web.rule;

import io.vigil.session.RuleSet;
import io.vigil.store.access.Role;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.engine.RuleSetVariants;
import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Browser;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.PrivateServer;
import io.vigil.web.testing.ServerTest;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's round trip in headless Chromium, on a server of its own: edit a classification rule
 * in the browser, see the compiler's error marker at its line, fix it, save, see the shipped rule
 * test fail, fix the test, save, see every test pass, deploy after the confirmation, and see a new
 * event classified by the new version; within the console's Content-Security-Policy. Screenshots
 * in target…/screenshots/rules-*.png.
 */
@Tag(ServerTest.TAG)
class RuleSetConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final TestDatabase DB = TestDatabase.create("web_rules_console");
    private static final String CATEGORIES = RuleSetVariants.CATEGORIES;
    private static final String CATEGORY_TEST = RuleSetVariants.CATEGORY_TEST;

    private final JdbcTemplate db = new JdbcTemplate(DB.dataSource());

    @AfterAll
    static void drop() {
        DB.drop();
    }

    @Test
    void shouldEditCheckTestFixAndDeployARuleInTheBrowser() throws Exception {
        RuleSet shipped = RuleSet.fromClasspath();
        ConfigurableApplicationContext server = PrivateServer.start(DB, Map.of());
        try (Browser browser = Browser.start(PrivateServer.port(server), "UTC")) {
            WebDriver driver = browser.driver();
            Map<Role, Auth> tokens = TestServer.tokens(new ApiClient(PrivateServer.port(server)));
            browser.logIn("admin", TestServer.ADMIN_PASSWORD);
            browser.open("/console/rulesets");
            driver.findElement(By.linkText(shipped.version().substring(0, 12))).click();
            await(driver, "#editor.ace_editor");
            driver.findElement(By.linkText(CATEGORIES)).click();
            open(browser, shipped.version(), CATEGORIES);

            String typo = shipped.sources().get(CATEGORIES).replace("Event( check == \"disk\" )", "Evnt( check == \"disk\" )");
            int at = typo.indexOf("Evnt(");
            int line = (int) typo.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
            setText(driver, typo);
            driver.findElement(By.id("check")).click();
            WebElement problem = await(driver, "#problems .problem.error");
            assertThat(problem.getText()).startsWith(CATEGORIES + ":" + line + ":" + (at - typo.lastIndexOf('\n', at))
                    + " Unable to resolve ObjectType 'Evnt'");
            problem.findElement(By.tagName("a")).click();
            Eventually.await("the gutter's mark on line " + line, WAIT, () -> driver.findElements(
                    By.cssSelector(".ace_gutter-cell.ace_error")).stream().filter(c -> c.getText().equals(String.valueOf(line)))
                    .findFirst());
            assertThat(driver.findElements(By.cssSelector(".ace_marker-layer .problem-marker.error"))).isNotEmpty();
            browser.screenshot("rules-error-marker");

            setText(driver, RuleSetVariants.disksAreStorage(shipped.sources().get(CATEGORIES)));
            driver.findElement(By.id("check")).click();
            assertThat(await(driver, "#problems .notice.ok").getText()).isEqualTo("No errors: the rule set compiles.");
            String storage = save(driver, "disks are storage");

            driver.findElement(By.id("run-tests")).click();
            assertThat(await(driver, "#tests .notice.error").getText()).isEqualTo("3 of 4 rule tests passed, 1 failed");
            assertThat(driver.findElement(By.cssSelector("#tests li.failed .difference")).getText())
                    .contains("category is \"storage\", expected \"hardware\"");
            ((JavascriptExecutor) driver).executeScript("document.getElementById('tests').scrollIntoView()");
            browser.screenshot("rules-test-failed");
            driver.findElement(By.cssSelector("#tests li.failed > a")).click();
            open(browser, storage, CATEGORY_TEST);
            setText(driver, RuleSetVariants.categoryTestExpectsStorage(shipped.sources().get(CATEGORY_TEST)));
            String fixed = save(driver, "the category test follows");

            driver.findElement(By.id("run-tests")).click();
            assertThat(await(driver, "#tests .notice.ok").getText()).isEqualTo("4 of 4 rule tests passed");

            long recorded = new ApiClient(PrivateServer.port(server)).postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                    "{\"source\":\"nagios\",\"resource\":\"db08\",\"check\":\"disk\",\"status\":\"WARNING\"}")
                    .json().get("ids").get(0).asLong();
            driver.findElement(By.id("backtest-from-id")).sendKeys("1");
            driver.findElement(By.id("backtest-to-id")).sendKeys(String.valueOf(recorded));
            driver.findElement(By.id("backtest")).click();
            WebElement backtest = await(driver, "#backtest-result .notice");
            assertThat(backtest.getText()).isEqualTo(recorded + (recorded == 1 ? " event" : " events") + ": 1 classified"
                    + " differently, 0 alert keys, 0 incident subjects and 0 services differ.");
            assertThat(driver.findElement(By.cssSelector("#backtest-result table.backtest-diff")).getText())
                    .contains("hardware/WARNING").contains("storage/WARNING").contains("#" + recorded + " db08/disk");
            assertThat(driver.findElement(By.id("backtest-status")).getText()).startsWith("done: " + recorded + " / " + recorded);
            ((JavascriptExecutor) driver).executeScript("document.getElementById('backtest-result').scrollIntoView()");
            browser.screenshot("rules-backtest");
            assertThat(driver.findElement(By.id("diff-summary")).getText()).isEqualTo(CATEGORY_TEST + " changed (+1 −1); "
                    + CATEGORIES + " changed (+1 −1)");

            driver.findElement(By.id("deploy")).click();
            assertThat(driver.switchTo().alert().getText()).startsWith("Deploy rule set " + fixed.substring(0, 12) + "?")
                    .contains(CATEGORIES + " changed (+1 −1)");
            driver.switchTo().alert().accept();
            Eventually.await("the deployed version's page", WAIT, () -> driver.findElements(By.cssSelector("span.badge.active"))
                    .stream().findFirst());
            browser.screenshot("rules-deployed");
            assertThat(browser.policyViolations()).isEmpty();

            long id = new ApiClient(PrivateServer.port(server)).postJson("/api/v1/events", tokens.get(Role.INTEGRATOR),
                    "{\"source\":\"nagios\",\"resource\":\"db09\",\"check\":\"disk\",\"status\":\"WARNING\"}")
                    .json().get("ids").get(0).asLong();
            assertThat(Eventually.await("the new event's category", WAIT, () -> db.queryForList(
                    "SELECT category FROM event_classification WHERE event_id = ?", String.class, id).stream().findFirst()))
                    .isEqualTo("storage");
        } finally {
            server.close();
        }
    }

    /** Waits for the page of a version with a file in the editor. */
    private static void open(Browser browser, String version, String file) {
        Eventually.await("the editor on " + file, WAIT, () -> Optional.of(browser.driver())
                .filter(d -> d.getCurrentUrl().contains("/console/rulesets/" + version))
                .flatMap(d -> d.findElements(By.cssSelector(".file-name")).stream().findFirst())
                .filter(name -> name.getText().equals(file))
                .filter(name -> !browser.driver().findElements(By.cssSelector("#editor.ace_editor")).isEmpty()));
    }

    private static void setText(WebDriver driver, String text) {
        ((JavascriptExecutor) driver).executeScript("window.vigilEditor.setValue(arguments[0], -1)", text);
    }

    /** Saves as a new version; answers the version the page moved to. */
    private static String save(WebDriver driver, String message) {
        String before = driver.getCurrentUrl();
        driver.findElement(By.id("message")).sendKeys(message);
        driver.findElement(By.id("save")).click();
        String url = Eventually.await("the new version's page", WAIT, () -> Optional.of(driver.getCurrentUrl())
                .filter(u -> !u.equals(before)));
        String version = url.replaceAll(".*/console/rulesets/([0-9a-f]{64}).*", "$1");
        Eventually.await("its editor", WAIT, () -> driver.findElements(By.cssSelector("#editor.ace_editor")).stream().findFirst());
        return version;
    }

    private static WebElement await(WebDriver driver, String css) {
        return Eventually.await(css, WAIT, () -> driver.findElements(By.cssSelector(css)).stream().findFirst());
    }
}
