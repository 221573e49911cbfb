package io.vigil.web.service;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Browser;
import io.vigil.web.testing.BrowserTestSupport;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service map in real headless Chromium: log in through the form, open the map of a small
 * tree, check the SVG's nodes, colours and edge weights, follow a node, and keep a screenshot
 * (target…/screenshots/service-map.png); all of it within the console's Content-Security-Policy.
 * Without Chromium the test is skipped (see {@link Browser}).
 */
class ServiceMapBrowserIT extends BrowserTestSupport {

    @Test
    void shouldDrawTheServiceMapColouredByStatusWithWeightsAndLinks() throws IOException {
        Response replaced = api.put("/api/v1/services", TestServer.ADMIN, "application/yaml",
                ServiceApiIT.fixture("shop.yml").getBytes(StandardCharsets.UTF_8));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"db01\",\"check\":\"mysql\",\"status\":\"CRITICAL\"}");
        api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"test\",\"resource\":\"web01\",\"check\":\"http\",\"status\":\"NORMAL\"}");
        Eventually.await("service database CRITICAL", Duration.ofSeconds(20), () -> Optional.of(
                api.get("/api/v1/services/database", TestServer.ADMIN).json().get("service").get("status").asString())
                .filter("CRITICAL"::equals));
        // web01's event may have been a turn of the engine of its own, stored after db01's.
        Eventually.await("agent web01 in service webapp NORMAL", Duration.ofSeconds(20), () -> Optional.of(
                api.get("/api/v1/services/webapp", TestServer.ADMIN).json().get("elements").get(1).get("status").asString(""))
                .filter("NORMAL"::equals));

        browser.logIn("admin", TestServer.ADMIN_PASSWORD);
        browser.open("/console/service-map");

        WebElement map = driver.findElement(By.id("service-map"));
        browser.screenshot("service-map");
        List<String> nodes = map.findElements(By.cssSelector("g.node")).stream().map(n -> n.getAttribute("data-node")).toList();
        assertThat(nodes).contains("service:webapp", "service:database", "service:office",
                "module:webapp:router1/ping", "agent:webapp:web01", "module:database:db01/mysql");
        assertThat(statusOf(map, "service:database")).isEqualTo("CRITICAL");
        assertThat(statusOf(map, "module:database:db01/mysql")).isEqualTo("CRITICAL");
        assertThat(statusOf(map, "agent:webapp:web01")).isEqualTo("NORMAL");
        assertThat(fill(map, "service:database")).isEqualTo("rgb(254, 226, 226)");
        assertThat(fill(map, "agent:webapp:web01")).isEqualTo("rgb(220, 252, 231)");
        assertThat(fill(map, "module:webapp:router1/ping")).isEqualTo("rgb(243, 244, 246)");
        assertThat(map.findElements(By.cssSelector("text.edge-label")).stream().map(WebElement::getText))
                .contains("W 3 C 5", "W 0.5 C 1.2", "critical");

        map.findElement(By.cssSelector("g.node[data-node='service:database'] a")).click();
        assertThat(driver.getCurrentUrl()).endsWith("/console/services/database");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("database").contains("CRITICAL");
        assertThat(browser.policyViolations()).as("Content-Security-Policy violations").isEmpty();
    }

    private static String statusOf(WebElement map, String node) {
        return map.findElement(By.cssSelector("g.node[data-node='" + node + "']")).getAttribute("data-status");
    }

    private static String fill(WebElement map, String node) {
        return map.findElement(By.cssSelector("g.node[data-node='" + node + "'] rect")).getCssValue("fill");
    }
}
