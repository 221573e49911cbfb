package io.vigil.web.incident;

import io.vigil.store.access.Role;
import io.vigil.web.testing.BrowserTestSupport;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.Incidents;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident page in headless Chromium: bpmn-js (from its WebJar) draws the incident process
 * from the served BPMN, the waiting task and the running escalation marked, within the
 * Content-Security-Policy; after Investigate the mark moves on. Skipped without Chromium (see
 * {@link io.vigil.web.testing.Browser}).
 */
class IncidentDiagramBrowserIT extends BrowserTestSupport {

    private static final Duration DRAWN = Duration.ofSeconds(20);

    @Test
    void shouldDrawTheProcessAndMarkTheCurrentStep() throws IOException {
        long id = new Incidents(api, token(Role.INTEGRATOR), token(Role.OPERATOR)).open("diagram-db01", "mysql");
        browser.logIn("admin", TestServer.ADMIN_PASSWORD);

        browser.open("/console/incidents/" + id);
        awaitDrawn();
        browser.screenshot("incident-diagram-open");

        assertThat(driver.findElements(By.cssSelector("#process-diagram svg"))).isNotEmpty();
        assertThat(marked()).containsExactlyInAnyOrder("acknowledge", "escalation");
        assertThat(driver.findElements(By.cssSelector("#process-diagram [data-element-id='investigate']"))).isNotEmpty();

        driver.findElement(By.xpath("//form[contains(@action, '/investigate')]//button")).click();
        Eventually.await("the page after Investigate", DRAWN, () -> Optional.of(driver.findElements(By.cssSelector(".notice.ok")))
                .filter(notices -> !notices.isEmpty()));
        awaitDrawn();
        assertThat(marked()).containsExactly("resolve");
        assertThat(driver.findElement(By.cssSelector(".waiting-for")).getText()).isEqualTo("Resolve");
        assertThat(browser.policyViolations()).isEmpty();
    }

    private void awaitDrawn() {
        Eventually.await("the diagram drawn", DRAWN, () -> Optional.of(driver.findElement(By.id("process-diagram")))
                .filter(box -> box.getAttribute("class").contains("rendered") || box.getAttribute("class").contains("failed")));
        WebElement box = driver.findElement(By.id("process-diagram"));
        assertThat(box.getAttribute("class")).as(box.getText()).contains("rendered");
    }

    private List<String> marked() {
        return driver.findElements(By.cssSelector("#process-diagram .djs-element.current-step")).stream()
                .map(shape -> shape.getAttribute("data-element-id")).toList();
    }
}
