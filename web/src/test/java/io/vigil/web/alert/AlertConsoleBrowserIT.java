package io.vigil.web.alert;

import io.vigil.store.access.Role;
import io.vigil.web.testing.Browser;
import io.vigil.web.testing.BrowserTestSupport;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert console in headless Chromium (Tokyo time, UTC+9): a new alert's row appears without a
 * reload, a tick survives the row's live update, acknowledging and shelving the ticked alert
 * through the action bar, rows leaving a filtered list as they stop matching, all within the
 * Content-Security-Policy. Skipped without Chromium (see {@link Browser}).
 */
class AlertConsoleBrowserIT extends BrowserTestSupport {

    private static final Duration LIVE = Duration.ofSeconds(20);

    @Override
    protected String timeZone() {
        return "Asia/Tokyo";
    }

    @Test
    void shouldShowNewAlertsLiveAndAcknowledgeAndShelveTheTickedOne() throws IOException {
        AlertReports reports = new AlertReports(api, token(Role.INTEGRATOR), token(Role.OPERATOR));
        browser.logIn("admin", TestServer.ADMIN_PASSWORD);
        assertThat(driver.getCurrentUrl()).endsWith("/console/alerts");
        markPage();

        reports.report("live-db03", "mysql", "CRITICAL");
        long id = reports.alertId("live-db03/mysql");
        awaitRow(id, "the new alert's row");
        String classes = inRow(id, "", row -> row.getAttribute("class"));
        assertThat(classes).contains("status-CRITICAL");
        assertThat(inRow(id, "", WebElement::getText)).contains("live-db03/mysql").contains("OPEN");
        assertThat(inRow(id, "time", WebElement::getText)).endsWith(" GMT+9");

        tick(id);
        reports.report("live-db03", "mysql", "CRITICAL");
        Eventually.await("the row counting the repeat", LIVE, () -> Optional.of(inRow(id, "td.num", WebElement::getText))
                .filter("2"::equals));
        reports.report("live-web04", "http", "WARNING");
        long other = reports.alertId("live-web04/http");
        awaitRow(other, "a second alert's row");
        assertThat(pageKept()).as("no reload so far").isTrue();
        assertThat(inRow(id, "input[name='ids']", WebElement::isSelected)).as("the tick after the row changed").isTrue();
        assertThat(inRow(other, "input[name='ids']", WebElement::isSelected)).isFalse();
        assertThat(read("[data-selected-count]", WebElement::getText)).isEqualTo("1 selected");

        driver.findElement(By.xpath("//button[text()='Acknowledge']")).click();
        assertNotice("1 alert acknowledged");
        assertThat(inRow(id, ".pill", WebElement::getText)).isEqualTo("ACKNOWLEDGED");
        assertThat(inRow(other, ".pill", WebElement::getText)).isEqualTo("OPEN");

        tick(id);
        new Select(driver.findElement(By.cssSelector("#alert-actions select[name='for']"))).selectByValue("4h");
        driver.findElement(By.xpath("//button[text()='Shelve']")).click();
        assertNotice("1 alert shelved for 4h");
        assertThat(inRow(id, ".pill", WebElement::getText)).isEqualTo("SHELVED");
        assertThat(inRow(id, ".until time", WebElement::getText)).endsWith(" GMT+9");
        assertThat(read("#alert-counts .state-SHELVED strong", WebElement::getText)).isEqualTo("1");
        browser.screenshot("alert-console");

        browser.open("/console/alerts?state=OPEN&q=live-");
        markPage();
        api.postJson("/api/v1/alerts/" + other + "/acknowledge", token(Role.OPERATOR), "");
        Eventually.await("the acknowledged row to leave the OPEN list", LIVE, () -> Optional.of(true)
                .filter(gone -> driver.findElements(By.cssSelector("tr[data-alert='" + other + "']")).isEmpty()));
        assertThat(read("tbody#alert-rows tr.empty", WebElement::getText)).isEqualTo("No alerts.");
        assertThat(pageKept()).isTrue();

        browser.open("/console/alerts/" + id);
        assertThat(driver.findElement(By.cssSelector("h1")).getText()).contains("live-db03/mysql");
        browser.screenshot("alert-detail");
        assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    /** Marks the loaded page, to tell later whether it was loaded again. */
    private void markPage() {
        ((JavascriptExecutor) driver).executeScript("window.vigilTestMark = true");
    }

    private boolean pageKept() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript("return window.vigilTestMark === true"));
    }

    /** The notice of the page an action came back to (the page before may still show its own for a moment). */
    private void assertNotice(String expected) {
        long deadline = System.nanoTime() + LIVE.toNanos();
        String shown = read(".notice", WebElement::getText);
        while (!shown.equals(expected) && System.nanoTime() < deadline) {
            shown = read(".notice", WebElement::getText);
        }
        assertThat(shown).isEqualTo(expected);
    }

    private void awaitRow(long id, String what) {
        Eventually.await(what, LIVE, () -> driver.findElements(By.cssSelector("tr[data-alert='" + id + "']")).stream()
                .findFirst());
    }

    private void tick(long id) {
        inRow(id, "input[name='ids']", box -> {
            box.click();
            return true;
        });
    }

    private <T> T inRow(long id, String css, Function<WebElement, T> use) {
        return read(("tr[data-alert='" + id + "'] " + css).trim(), use);
    }

    /**
     * {@code use} applied to the element {@code css} selects; looked up again when the live feed
     * replaced it meanwhile (rows and counters are replaced as alerts change).
     */
    private <T> T read(String css, Function<WebElement, T> use) {
        return Eventually.await(css, LIVE, () -> {
            try {
                return Optional.of(use.apply(driver.findElement(By.cssSelector(css))));
            } catch (StaleElementReferenceException replaced) {
                return Optional.empty();
            }
        });
    }
}
