package io.vigil.web.security;

import io.vigil.store.access.Role;
import io.vigil.web.testing.Chromium;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in headless Chromium under its Content-Security-Policy: the scripts that make it
 * work (htmx, the filter that submits itself, the live event stream) and Swagger UI still run, and
 * the browser reports no violation of the policy on any page.
 */
class ConsolePolicyBrowserIT extends ServerTestSupport {

    @Test
    void shouldRunTheConsoleWithinItsContentSecurityPolicy() {
        WebDriver browser = Chromium.start();
        try {
            walkTheConsole(browser);
        } finally {
            browser.quit();
        }
    }

    private void walkTheConsole(WebDriver browser) {
        api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"csp-host\",\"check\":\"disk\",\"status\":\"CRITICAL\"}");
        Eventually.await("the incident for csp-host", Duration.ofSeconds(20), () -> Optional.of(
                api.get("/api/v1/incidents", token(Role.OPERATOR)).body()).filter(b -> b.contains("csp-host")));
        Chromium.logInAsAdmin(browser, base());

        browser.get(base() + "/console/events");
        assertThat(browser.findElement(By.cssSelector("tbody[data-live-source]")).getText()).contains("csp-host");

        browser.get(base() + "/console/incidents");
        new Select(browser.findElement(By.name("state"))).selectByValue("OPEN");
        Eventually.await("the filter to submit itself", Duration.ofSeconds(5), () ->
                Optional.of(browser.getCurrentUrl()).filter(url -> url.endsWith("/console/incidents?state=OPEN")));

        browser.get(base() + "/console/audit");
        browser.findElement(By.xpath("//button[contains(., 'Verify hash chain')]")).click();
        assertThat(browser.findElement(By.cssSelector("#verify-result .notice")).getText()).startsWith("Chain intact:");

        browser.get(base() + "/swagger-ui.html");
        assertThat(browser.findElement(By.cssSelector(".swagger-ui .info .title")).getText()).isNotBlank();

        assertThat(Chromium.policyViolations(browser)).as("Content-Security-Policy violations").isEmpty();
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
