package io.vigil.web.incident;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Browser;
import io.vigil.web.testing.BrowserTestSupport;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident list's JavaScript in headless Chromium set to India's time zone (UTC+5:30, no
 * summer time): times shown in the browser's zone, "select all", ticks that survive the list's
 * refresh every 5 s, "Resolve selected", and filters applied on choosing. Skipped without
 * Chromium (see {@link Browser}).
 */
class IncidentListBrowserIT extends BrowserTestSupport {

    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Override
    protected String timeZone() {
        return KOLKATA.getId();
    }

    @Test
    void shouldShowLocalTimesKeepTicksAcrossRefreshesAndResolveTheSelection() throws IOException {
        openIncident("browser-a");
        openIncident("browser-b");
        browser.logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/console/incidents?state=UNRESOLVED");

        WebElement opened = driver.findElement(By.cssSelector("tr[data-incident] time"));
        Instant at = Instant.parse(opened.getAttribute("datetime"));
        assertThat(opened.getText()).isEqualTo(LOCAL.format(at.atZone(KOLKATA)) + " GMT+5:30");
        assertThat(opened.getAttribute("title")).isEqualTo(LOCAL.format(at.atZone(ZoneId.of("UTC"))) + " UTC");

        driver.findElement(By.cssSelector("input[data-select-all]")).click();
        assertThat(boxes()).hasSize(2).allMatch(WebElement::isSelected);
        ((JavascriptExecutor) driver).executeScript("document.querySelectorAll('tr[data-incident]').forEach(r => r.dataset.old = 'yes')");
        Eventually.await("the list's refresh", Duration.ofSeconds(20), () -> Optional.of(true).filter(refreshed ->
                driver.findElements(By.cssSelector("tr[data-old]")).isEmpty()));
        assertThat(boxes()).as("ticks after the refresh").hasSize(2).allMatch(WebElement::isSelected);
        assertThat(driver.findElement(By.cssSelector("tr[data-incident] time")).getText()).endsWith(" GMT+5:30");
        browser.screenshot("incident-list");

        driver.findElement(By.xpath("//button[text()='Resolve selected']")).click();

        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).isEqualTo("Resolved 2 incidents.");
        new Select(driver.findElement(By.name("state"))).selectByValue("RESOLVED");
        Eventually.await("the filter applied", Duration.ofSeconds(10), () ->
                Optional.of(driver.getCurrentUrl()).filter(url -> url.contains("state=RESOLVED")));
        assertThat(driver.findElements(By.cssSelector("tr[data-incident]"))).hasSize(2);
    }

    private List<WebElement> boxes() {
        return driver.findElements(By.cssSelector("input[name='ids']"));
    }

    private void openIncident(String resource) {
        Response posted = api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"" + resource + "\",\"check\":\"http\",\"status\":\"CRITICAL\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        Eventually.await("an incident for " + resource, Duration.ofSeconds(20), () ->
                api.get("/api/v1/incidents", token(Role.OPERATOR)).json().get("incidents").values().stream()
                        .filter(i -> resource.equals(i.get("resource").asString())).findFirst());
    }
}
