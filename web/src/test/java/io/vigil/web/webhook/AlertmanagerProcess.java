package io.vigil.web.webhook;

import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.Auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Prometheus Alertmanager (Debian's {@code prometheus-alertmanager}) on a free loopback port,
 * alone (clustering off), with its own storage in a temporary folder, whose one receiver is a
 * webhook to Vigil. Without the binary a test using it is skipped, except in CI (env CI set), where
 * a missing binary is a failure.
 */
final class AlertmanagerProcess implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final String RECEIVER = "vigil";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final ApiClient api;

    private AlertmanagerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.api = new ApiClient(port);
    }

    /** Starts Alertmanager sending every alert group to {@code webhookUrl} with {@code token}; returns once it is ready. */
    static AlertmanagerProcess start(Path dir, String webhookUrl, String token) throws IOException, InterruptedException {
        boolean installed = Files.isExecutable(BINARY);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "skipped: no " + BINARY + " (apt-get install -y prometheus-alertmanager);"
                    + " in CI this test fails instead");
        }
        assertThat(installed).as(BINARY + " is missing: apt-get install -y prometheus-alertmanager").isTrue();
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), config(webhookUrl, token));
        Path log = dir.resolve("alertmanager.log");
        int port = freePort();
        Process process = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.path=" + Files.createDirectories(dir.resolve("data")), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=debug")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AlertmanagerProcess alertmanager = new AlertmanagerProcess(process, log, port);
        alertmanager.awaitReady();
        return alertmanager;
    }

    /**
     * Quick grouping and sending, so a test sees a notification within seconds of an alert: the
     * first after {@code group_wait}, changes (such as a resolution) after {@code group_interval}.
     */
    private static String config(String webhookUrl, String token) {
        return """
                global:
                  resolve_timeout: 5s
                route:
                  receiver: %1$s
                  group_by: [alertname]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: %1$s
                    webhook_configs:
                      - url: "%2$s"
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: "%3$s"
                """.formatted(RECEIVER, webhookUrl, token);
    }

    /** Posts alerts (a JSON array) to Alertmanager's API, as Prometheus does. */
    void postAlerts(String json) {
        ApiClient.Response response = api.postJson("/api/v2/alerts", Auth.NONE, json);
        assertThat(response.status()).as("POST /api/v2/alerts: " + response.body()).isEqualTo(200);
    }

    /** The end of Alertmanager's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("Alertmanager exited at start:\n" + logTail()).isTrue();
            if (ready()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Alertmanager was not ready within " + START_TIMEOUT.toSeconds() + " s:\n" + logTail());
    }

    private boolean ready() {
        try {
            return api.get("/-/ready", Auth.NONE).status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
