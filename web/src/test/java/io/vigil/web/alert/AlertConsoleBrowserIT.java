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
        assertThat(driver.findElement(By.cssSelector("[data-selected-count]")).getText()).isEqualTo("1 selected");

        driver.findElement(By.xpath("//button[text()='Acknowledge']")).click();
        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("1 alert acknowledged");
        assertThat(inRow(id, ".pill", WebElement::getText)).isEqualTo("ACKNOWLEDGED");
        assertThat(inRow(other, ".pill", WebElement::getText)).isEqualTo("OPEN");

        tick(id);
        new Select(driver.findElement(By.cssSelector("#alert-actions select[name='for']"))).selectByValue("4h");
        driver.findElement(By.xpath("//button[text()='Shelve']")).click();
        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("1 alert shelved for 4h");
        assertThat(inRow(id, ".pill", WebElement::getText)).isEqualTo("SHELVED");
        assertThat(inRow(id, ".until time", WebElement::getText)).endsWith(" GMT+9");
        assertThat(driver.findElement(By.cssSelector("#alert-counts .state-SHELVED strong")).getText()).isEqualTo("1");
        browser.screenshot("alert-console");

        browser.open("/console/alerts?state=OPEN&q=live-");
        markPage();
        api.postJson("/api/v1/alerts/" + other + "/acknowledge", token(Role.OPERATOR), "");
        Eventually.await("the acknowledged row to leave the OPEN list", LIVE, () -> Optional.of(true)
                .filter(gone -> driver.findElements(By.cssSelector("tr[data-alert='" + other + "']")).isEmpty()));
        assertThat(driver.findElement(By.cssSelector("tbody#alert-rows tr.empty")).getText()).isEqualTo("No alerts.");
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

    /**
     * {@code use} applied to the element {@code css} selects in alert {@code id}'s row (the row
     * itself for ""); looked up again when the live feed replaced the row meanwhile.
     */
    private <T> T inRow(long id, String css, Function<WebElement, T> use) {
        return Eventually.await("alert " + id + "'s row", LIVE, () -> {
            try {
                return Optional.of(use.apply(driver.findElement(By.cssSelector(("tr[data-alert='" + id + "'] " + css).trim()))));
            } catch (StaleElementReferenceException replaced) {
                return Optional.empty();
            }
        });
    }
}
