package io.vigil.web.service;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Chromium;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service map in real headless Chromium: log in through the form, open the map of a small
 * tree, check the SVG's nodes, colours and edge weights, follow a node, and keep a screenshot
 * (target…/screenshots/service-map.png); all of it within the console's Content-Security-Policy.
 * Without Chromium the test is skipped, except in CI (env CI set), where a missing browser is a
 * failure.
 */
class ServiceMapBrowserIT extends ServerTestSupport {

    WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = Chromium.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

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

        Chromium.logInAsAdmin(browser, base());
        browser.get(base() + "/console/service-map");

        WebElement map = browser.findElement(By.id("service-map"));
        screenshot();
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
        assertThat(browser.getCurrentUrl()).endsWith("/console/services/database");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("database").contains("CRITICAL");
        assertThat(Chromium.policyViolations(browser)).as("Content-Security-Policy violations").isEmpty();
    }

    private static String statusOf(WebElement map, String node) {
        return map.findElement(By.cssSelector("g.node[data-node='" + node + "']")).getAttribute("data-status");
    }

    private static String fill(WebElement map, String node) {
        return map.findElement(By.cssSelector("g.node[data-node='" + node + "'] rect")).getCssValue("fill");
    }

    private void screenshot() throws IOException {
        Path dir = Path.of(System.getProperty("vigil.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        File shot = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve("service-map.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
