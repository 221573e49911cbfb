package io.vigil.web.acceptance;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.vigil.notify.channel.WebhookChannel;
import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end on the real server: a policy put in through the API, critical events
 * posted, and what a real SMTP server (GreenMail) and a webhook receiver on loopback get — one
 * consolidated message each for two incidents, the signature verifying, then one all-clear each
 * when both recover, and the incidents resolved by the engine.
 */
class NotificationFlowIT extends ServerTestSupport {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String SECRET = "s3cret";

    /** A webhook call as received: its headers of interest and body. */
    record Call(String notificationId, String timestamp, String signature, String body) {
    }

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final HttpServer HOOK = webhookReceiver();

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("vigil.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("vigil.mail.host", () -> "127.0.0.1");
        registry.add("vigil.mail.starttls", () -> "off");
        registry.add("vigil.notifications.console-url", () -> "http://vigil.test");
    }

    @AfterAll
    static void stopReceivers() {
        SMTP.stop();
        HOOK.stop(0);
    }

    private static HttpServer webhookReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                CALLS.add(new Call(exchange.getRequestHeaders().getFirst("X-Vigil-Notification"),
                        exchange.getRequestHeaders().getFirst("X-Vigil-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Vigil-Signature"), body));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final JdbcTemplate db = new JdbcTemplate(database().dataSource());

    private String policies() {
        return """
                users:
                  alice: { name: Alice Example, email: alice@example.com }
                channels:
                  ops-hook: { type: webhook, url: "http://127.0.0.1:%d/hook", secret: %s }
                policies:
                  - name: critical
                    match: ['status="CRITICAL"']
                    consolidate: 2s
                    levels:
                      - notify: [user:alice, channel:ops-hook]
                """.formatted(HOOK.getAddress().getPort(), SECRET);
    }

    private void post(String resource, String status) {
        Response posted = api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "{\"source\":\"nagios\",\"resource\":\"" + resource + "\",\"check\":\"disk\",\"status\":\"" + status + "\"}");
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
    }

    private List<MimeMessage> mails(int count) {
        return Eventually.await(count + " e-mails", DELIVERY, () -> {
            MimeMessage[] received = SMTP.getReceivedMessages();
            return received.length >= count ? Optional.of(List.of(received)) : Optional.empty();
        });
    }

    private List<Call> calls(int count) {
        return Eventually.await(count + " webhook calls", DELIVERY,
                () -> CALLS.size() >= count ? Optional.of(List.copyOf(CALLS)) : Optional.empty());
    }

    @Test
    void shouldReachPeopleWithOneConsolidatedMessageAndGiveTheAllClear() throws Exception {
        Response put = api.put("/api/v1/policies", Auth.basic("admin", TestServer.ADMIN_PASSWORD), "application/yaml",
                policies().getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        post("db01", "CRITICAL");
        post("db02", "CRITICAL");

        MimeMessage mail = mails(1).get(0);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("alice@example.com");
        assertThat(mail.getSubject()).isEqualTo("[Vigil] 2 problems");
        String text = GreenMailUtil.getBody(mail);
        assertThat(text).contains("db01/disk is CRITICAL", "db02/disk is CRITICAL", "http://vigil.test/console/incidents/");
        Call call = calls(1).get(0);
        assertThat(call.signature()).isEqualTo("sha256=" + WebhookChannel.signature(SECRET, call.timestamp(),
                call.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(call.body()).contains("\"allClear\":false", "\"resource\":\"db01\"", "\"resource\":\"db02\"");
        Thread.sleep(3_000);
        assertThat(SMTP.getReceivedMessages()).as("consolidated: one message for both").hasSize(1);
        assertThat(CALLS).hasSize(1);

        post("db01", "NORMAL");
        post("db02", "NORMAL");

        MimeMessage allClear = mails(2).get(1);
        assertThat(allClear.getSubject()).isEqualTo("[Vigil] 2 recovered");
        assertThat(calls(2).get(1).body()).contains("\"allClear\":true");
        assertThat(Eventually.await("both incidents resolved by the engine", DELIVERY, () -> {
            List<String> codes = db.queryForList("SELECT CONCAT(state, ' ', resolution_code) FROM incident ORDER BY id",
                    String.class);
            return codes.equals(List.of("RESOLVED RECOVERED", "RESOLVED RECOVERED")) ? Optional.of(codes) : Optional.empty();
        })).hasSize(2);
        // A delivery is recorded after the receiver answered, so the last row may still say PENDING
        // for a moment after the webhook call above arrived.
        List<String> expected = List.of("SENT 1", "SENT 1", "SENT 1", "SENT 1");
        assertThat(Eventually.await("all four deliveries recorded as sent", DELIVERY, () -> {
            List<String> states = db.queryForList("SELECT CONCAT(state, ' ', attempts) FROM notification ORDER BY id",
                    String.class);
            return states.equals(expected) ? Optional.of(states) : Optional.empty();
        })).isEqualTo(expected);
        assertThat(db.queryForList("SELECT DISTINCT status FROM notification_attempt", String.class)).containsExactly("SENT");
    }
}
