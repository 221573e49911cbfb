package io.vigil.web.alert;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Browser;
import io.vigil.web.testing.BrowserTestSupport;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The silence form in headless Chromium set to India's time zone, under the console's
 * Content-Security-Policy: Preview shows the selected alerts in place, the form sends the
 * browser's zone with its times, and the new silence is listed with local times. Skipped without
 * Chromium (see {@link Browser}).
 */
class SilenceConsoleBrowserIT extends BrowserTestSupport {

    @Override
    protected String timeZone() {
        return "Asia/Kolkata";
    }

    @Test
    void shouldPreviewInPlaceAndCreateInTheBrowsersZone() throws IOException {
        Response posted = api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"browser-db01\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        Eventually.await("the alert browser-db01/disk", Duration.ofSeconds(20), () ->
                api.get("/api/v1/alerts?q=browser-db01", token(Role.OPERATOR)).json().get("alerts").values().stream().findFirst());
        browser.logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/console/silences/new");
        assertThat(ZoneId.of(driver.findElement(By.name("zone")).getAttribute("value")).getRules())
                .as("Chromium may name the zone by its older alias Asia/Calcutta").isEqualTo(ZoneId.of(timeZone()).getRules());

        driver.findElement(By.name("matchers")).sendKeys("resource=\"browser-db01\"\ncheck=~\"disk|mysql\"");
        driver.findElement(By.xpath("//button[text()='Preview']")).click();

        assertThat(driver.findElement(By.cssSelector("#preview tr[data-alert='browser-db01/disk']")).getText())
                .contains("CRITICAL").contains("OPEN").contains("GMT+5:30");
        assertThat(driver.findElement(By.cssSelector("#preview .preview-count")).getText()).startsWith("Selects 1 of the ");
        assertThat(driver.getCurrentUrl()).endsWith("/console/silences/new");
        driver.findElement(By.name("comment")).sendKeys("disk swap");
        new Select(driver.findElement(By.name("duration"))).selectByValue("4h");
        browser.screenshot("silence-form");

        driver.findElement(By.xpath("//button[text()='Create silence']")).click();

        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).matches("Silence \\d+ created\\.");
        assertThat(driver.findElement(By.cssSelector("tr[data-silence]")).getText()).contains("disk swap")
                .contains("resource=\"browser-db01\"").contains("GMT+5:30");
        browser.screenshot("silence-list");
        assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
    }
}
