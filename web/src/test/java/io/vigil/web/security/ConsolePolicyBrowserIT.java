package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.web.testing.BrowserTestSupport;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in headless Chromium under its Content-Security-Policy: the scripts that make it
 * work (htmx, the filter that submits itself, the live event stream) and Swagger UI still run, and
 * the browser reports no violation of the policy on any page.
 */
class ConsolePolicyBrowserIT extends BrowserTestSupport {

    @Test
    void shouldRunTheConsoleWithinItsContentSecurityPolicy() {
        api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"csp-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        Eventually.await("the incident for csp-host", Duration.ofSeconds(20), () -> Optional.of(
                api.get("/api/v1/incidents", token(Role.OPERATOR)).body()).filter(b -> b.contains("csp-host")));
        browser.logIn("admin", TestServer.ADMIN_PASSWORD);

        browser.open("/console/events");
        assertThat(driver.findElement(By.cssSelector("tbody[data-live-source]")).getText()).contains("csp-host");

        browser.open("/console/incidents");
        new Select(driver.findElement(By.name("state"))).selectByValue("OPEN");
        Eventually.await("the filter to submit itself", Duration.ofSeconds(5), () ->
                Optional.of(driver.getCurrentUrl()).filter(url -> url.contains("/console/incidents?state=OPEN")));

        browser.open("/console/audit");
        driver.findElement(By.xpath("//button[contains(., 'Verify hash chain')]")).click();
        assertThat(driver.findElement(By.cssSelector("#verify-result .notice")).getText()).startsWith("Chain intact:");

        browser.open("/swagger-ui.html");
        assertThat(driver.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();

        assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
    }
}
