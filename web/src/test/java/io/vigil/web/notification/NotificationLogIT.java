package io.vigil.web.notification;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.ConsoleSession;
import io.vigil.web.testing.Outbox;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification log over the API and the console: filters, keyset paging, one notification
 * with its attempts, no secrets shown, and who may read it. The outbox rows are written here as
 * the engine writes them (ids far above the engine's own), so the log's answers are exact.
 */
class NotificationLogIT extends ServerTestSupport {

    private static final long N1 = 9_000_001;
    private static final long N2 = 9_000_002;
    private static final long N3 = 9_000_003;
    private static boolean written;

    @BeforeEach
    void outbox() {
        if (written) {
            return;
        }
        JdbcTemplate jdbc = new JdbcTemplate(database().dataSource());
        Outbox.insert(jdbc, N1, "user:alice", "email", "EMAIL", "alice@example.com", 501L, 601L, "SENT", 1, null);
        Outbox.insert(jdbc, N2, "channel:ops-chat", "ops-chat", "SLACK", "https://hooks.slack.com/services/T/B/SECRET", 501L, 601L,
                "PENDING", 2, "HTTP 500 from the channel");
        Outbox.insert(jdbc, N3, "user:bob", "email", "EMAIL", "bob@example.com", 502L, null, "SENT", 1, null);
        jdbc.update("INSERT INTO notification_attempt (notification_id, attempt, at, status, detail, duration_ms) VALUES"
                + " (?, 1, '2026-11-20 10:00:31.000', 'FAILED', 'HTTP 503 from the channel', 40),"
                + " (?, 2, '2026-11-20 10:01:31.000', 'FAILED', 'HTTP 500 from the channel', 35)", N2, N2);
        written = true;
    }

    @Test
    void shouldListNewestFirstAndFilterByRecipientIncidentAlertAndState() {
        assertThat(ids("")).containsExactly(N3, N2, N1);
        assertThat(ids("?recipient=user:alice")).containsExactly(N1);
        assertThat(ids("?incident=501")).containsExactly(N2, N1);
        assertThat(ids("?alert=601&state=pending")).containsExactly(N2);
        assertThat(ids("?state=SENT")).containsExactly(N3, N1);

        Response page = api.get("/api/v1/notifications?limit=2", token(Role.OPERATOR));
        assertThat(page.json().get("next").asString()).isEqualTo("/api/v1/notifications?limit=2&before=" + N2);
        assertThat(ids("?limit=2&before=" + N2)).containsExactly(N1);

        Response bad = api.get("/api/v1/notifications?state=LOST", token(Role.OPERATOR));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asString()).isEqualTo("parameter \"state\" has the bad value \"LOST\": expected one of PENDING, SENT");
    }

    @Test
    void shouldShowOneNotificationWithItsAttemptsAndNoSecret() {
        Response one = api.get("/api/v1/notifications/" + N2, token(Role.AUDITOR));

        assertThat(one.status()).as(one.body()).isEqualTo(200);
        JsonNode n = one.json().get("notification");
        assertThat(n.get("recipient").asString()).isEqualTo("channel:ops-chat");
        assertThat(n.get("destination").asString()).isEqualTo("https://hooks.slack.com");
        assertThat(one.body()).doesNotContain("SECRET").doesNotContain("settings");
        assertThat(n.get("state").asString()).isEqualTo("PENDING");
        assertThat(n.get("lastError").asString()).isEqualTo("HTTP 500 from the channel");
        assertThat(n.get("items").get(0).get("incidentId").asLong()).isEqualTo(501);
        assertThat(one.json().get("attempts").values().stream().map(a -> a.get("attempt").asInt() + " " + a.get("status").asString()
                + " " + a.get("detail").asString()).toList())
                .containsExactly("1 FAILED HTTP 503 from the channel", "2 FAILED HTTP 500 from the channel");
        assertThat(api.get("/api/v1/notifications/123", token(Role.OPERATOR)).status()).isEqualTo(404);
    }

    @Test
    void shouldLeaveTheLogToOperatorsAuditorsAndAdmins() {
        assertThat(api.get("/api/v1/notifications", token(Role.ANALYST)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/notifications/" + N1, token(Role.INTEGRATOR)).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/notifications", token(Role.AUDITOR)).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/notifications", TestServer.ADMIN).status()).isEqualTo(200);
    }

    @Test
    void shouldShowTheLogAndOneNotificationInTheConsole() {
        ConsoleSession admin = new ConsoleSession(port);
        assertThat(admin.login("admin", TestServer.ADMIN_PASSWORD).status()).isEqualTo(302);

        Response list = admin.get("/console/notifications?incident=501");
        Response detail = admin.get("/console/notifications/" + N2);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(">" + N1 + "<").contains(">" + N2 + "<").doesNotContain(">" + N3 + "<")
                .contains("channel:ops-chat").contains("HTTP 500 from the channel").contains("href=\"/console/notifications\"");
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("ops-chat (SLACK) to https://hooks.slack.com").contains("HTTP 503 from the channel")
                .doesNotContain("SECRET").contains("href=\"/console/incidents/501\"");
    }

    private List<Long> ids(String query) {
        Response list = api.get("/api/v1/notifications" + query, token(Role.OPERATOR));
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        return list.json().get("notifications").values().stream().map(n -> n.get("id").asLong()).toList();
    }
}
