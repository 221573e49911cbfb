package io.vigil.web.system;

import io.vigil.store.access.Role;
import io.vigil.web.testing.ApiClient.Response;
import io.vigil.web.testing.Auth;
import io.vigil.web.testing.Eventually;
import io.vigil.web.testing.ServerTestSupport;
import io.vigil.web.testing.TestServer;
import io.vigil.intake.syslog.SyslogServer;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/prometheus}: the pipeline's figures move as events arrive, and only some roles may read them. */
class MetricsIT extends ServerTestSupport {

    private static final String METRICS = "/actuator/prometheus";

    @Autowired
    SyslogServer syslog;

    private double value(String body, String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.E+-]+)$").matcher(body);
        assertThat(line.find()).as(series + " in\n" + body).isTrue();
        return Double.parseDouble(line.group(1));
    }

    @Test
    void shouldShowThePipelineCatchingUpWithPostedEvents() {
        Response posted = api.postJson("/api/v1/events", token(Role.INTEGRATOR),
                "[{\"source\":\"m\",\"resource\":\"metrics01\",\"check\":\"disk\",\"status\":\"CRITICAL\"},"
                        + "{\"source\":\"m\",\"resource\":\"metrics01\",\"check\":\"cpu\",\"status\":\"NORMAL\"}]");
        assertThat(posted.status()).isEqualTo(202);
        long lastId = posted.json().get("ids").get(1).asLong();

        // The engine reaching the event is not enough: its alert is counted once the outcome writers have stored it,
        // and an open incident may be another test's.
        String body = Eventually.await("the engine at event " + lastId + " and its alert stored", Duration.ofSeconds(20), () -> {
            String text = api.get(METRICS, token(Role.AUDITOR)).body();
            return value(text, "vigil_engine_last_id") >= lastId && value(text, "vigil_incidents_open") >= 1
                    && value(text, "vigil_alerts_open") >= 1 ? Optional.of(text) : Optional.empty();
        });

        assertThat(value(body, "vigil_journal_last_id")).isGreaterThanOrEqualTo(lastId);
        assertThat(value(body, "vigil_engine_lag_events")).isZero();
        assertThat(value(body, "vigil_engine_queue_capacity_events")).isPositive();
        assertThat(value(body, "vigil_alerts_open")).isGreaterThanOrEqualTo(1);
        assertThat(value(body, "vigil_notifications_pending")).isZero();
        assertThat(value(body, "vigil_journal_commits_total")).isPositive();
        assertThat(value(body, "vigil_journal_committed_events_total")).isGreaterThanOrEqualTo(2);
        assertThat(value(body, "vigil_journal_commit_time_seconds_total")).isPositive();
        // The histograms count every commit, as the counter does.
        assertThat(value(body, "vigil_journal_commit_latency_seconds_count")).isEqualTo(value(body, "vigil_journal_commits_total"));
        assertThat(value(body, "vigil_journal_commit_latency_seconds_bucket{le=\"+Inf\"}"))
                .isEqualTo(value(body, "vigil_journal_commits_total"));
        assertThat(value(body, "vigil_journal_commit_size_events_sum")).isEqualTo(value(body, "vigil_journal_committed_events_total"));
        assertThat(body).contains("vigil_syslog_messages_total{result=\"received\",transport=\"syslog-tcp\"}", "jvm_memory_used_bytes");
        assertThat(value(body, "vigil_engine_turns_total")).isPositive();
        assertThat(value(body, "vigil_outcomes_pending_items")).isNotNegative();
        assertThat(value(body, "vigil_outcomes_lag_events")).isNotNegative();
        assertThat(value(body, "vigil_engine_turn_time_seconds_total")).isPositive();
        Matcher firings = Pattern.compile("(?m)^vigil_rule_firings_total\\{rule=\"([^\"]+)\"} ([0-9.E+-]+)$").matcher(body);
        assertThat(firings.find()).as("firings per rule in\n" + body).isTrue();
        assertThat(Double.parseDouble(firings.group(2))).isPositive();
        assertThat(body).contains("vigil_rule_time_seconds_total{rule=\"" + firings.group(1) + "\"}");
    }

    @Test
    void shouldCountSyslogAndHttpIntakePerTransport() throws Exception {
        String before = api.get(METRICS, token(Role.AUDITOR)).body();
        double tcpAccepted = value(before, "vigil_syslog_messages_total{result=\"accepted\",transport=\"syslog-tcp\"}");
        double tcpDead = value(before, "vigil_syslog_messages_total{result=\"dead_lettered\",transport=\"syslog-tcp\"}");
        try (Socket tcp = new Socket(InetAddress.getLoopbackAddress(), syslog.tcpPort()); OutputStream out = tcp.getOutputStream()) {
            out.write("<13>1 - metrics02 app - - - one\n<13>1 - metrics02 app - - - two\n<999>garbage\n"
                    .getBytes(StandardCharsets.US_ASCII));
        }
        api.postJson("/api/v1/events", token(Role.INTEGRATOR), "[{\"source\":\"m\",\"resource\":\"metrics02\",\"check\":\"x\",\"status\":\"NORMAL\"}]");
        api.postJson("/api/v1/events", token(Role.INTEGRATOR), "[{\"resource\":\"metrics02\"}]");

        String after = Eventually.await("the syslog counters moving", Duration.ofSeconds(20), () -> {
            String text = api.get(METRICS, token(Role.AUDITOR)).body();
            return value(text, "vigil_syslog_messages_total{result=\"accepted\",transport=\"syslog-tcp\"}") >= tcpAccepted + 2
                    ? Optional.of(text) : Optional.empty();
        });
        assertThat(value(after, "vigil_syslog_messages_total{result=\"dead_lettered\",transport=\"syslog-tcp\"}"))
                .isEqualTo(tcpDead + 1);
        assertThat(value(after, "vigil_syslog_messages_total{result=\"received\",transport=\"syslog-udp\"}")).isNotNegative();
        assertThat(value(after, "vigil_syslog_udp_kernel_drops_total")).isNotNegative();
        assertThat(value(after, "vigil_syslog_udp_queue_bytes")).isNotNegative();
        assertThat(value(after, "vigil_intake_events_total{result=\"accepted\",transport=\"rest\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "vigil_intake_requests_total{result=\"invalid\",transport=\"rest\"}")).isGreaterThanOrEqualTo(1);
    }

    /** Drools asks isTraceEnabled() in its innermost loops: nothing may stand in front of that check. */
    @Test
    void shouldLeaveLogbackWithoutTurboFiltersSoLevelChecksStayCheap() {
        assertThat(((LoggerContext) LoggerFactory.getILoggerFactory()).getTurboFilterList()).isEmpty();
        assertThat(api.get(METRICS, token(Role.AUDITOR)).body()).doesNotContain("logback_events");
    }

    @Test
    void shouldLetOperatorsAuditorsAndAdminsReadTheMetricsAndNobodyElse() {
        assertThat(api.get(METRICS, Auth.NONE).status()).isEqualTo(401);
        assertThat(api.get(METRICS, token(Role.INTEGRATOR)).status()).isEqualTo(403);
        assertThat(api.get(METRICS, token(Role.ANALYST)).status()).isEqualTo(403);
        assertThat(api.get(METRICS, token(Role.OPERATOR)).status()).isEqualTo(200);
        assertThat(api.get(METRICS, token(Role.AUDITOR)).status()).isEqualTo(200);
        assertThat(api.get(METRICS, TestServer.ADMIN).status()).isEqualTo(200);
    }
}
