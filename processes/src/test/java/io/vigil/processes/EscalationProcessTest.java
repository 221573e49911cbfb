package io.vigil.processes;

import io.vigil.model.Alert;
import io.vigil.model.AlertKind;
import io.vigil.model.Incident;
import io.vigil.model.IncidentState;
import io.vigil.model.ResolutionCode;
import io.vigil.model.ServiceStatus;
import io.vigil.model.Status;
import io.vigil.notify.ChannelType;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationItem;
import io.vigil.session.EngineCommand;
import io.vigil.session.Outcome;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Escalation sub-process of processes/incident.bpmn2 driven by the policy in
 * {@code policy/escalation-two-levels.yml}: level 1 (the on-call person of "primary" — alice in the
 * first week — and the ops-hook webhook) at once, level 2 (bob) after 5 minutes, level 3 (ops-hook)
 * 10 minutes later; notifications consolidated per 30 s; HIGH priority skips a level and halves
 * the delays. On the pseudo clock, across a snapshot and restore too.
 */
class EscalationProcessTest {

    private static final long T0 = TestSession.START.toEpochMilli();
    private static final long SECOND = 1_000;
    private static final long MINUTE = 60 * SECOND;

    private final TestSession session = TestSession.start();

    @BeforeEach
    void policies() {
        assertThat(session.replacePolicies("escalation-two-levels").ok()).isTrue();
    }

    @AfterEach
    void close() {
        session.close();
    }

    private long lastAlertId = 100;

    /** Opens an incident for a new CRITICAL alert (ids 101, 102, …) of {@code resource}/disk. */
    private long openIncident(String resource) {
        Alert alert = new Alert(++lastAlertId, resource + "/disk", AlertKind.EVENT, resource, "disk", null, session.now());
        alert.report(session.now(), 7, "monitor", "hardware", "disk failed");
        alert.changeStatus(Status.CRITICAL, null, session.now(), 7);
        long id = session.session().incidents().open(alert).getId();
        session.fire();
        return id;
    }

    private List<Outcome.IncidentEscalated> escalations() {
        return session.outcomes(Outcome.IncidentEscalated.class);
    }

    private static List<String> recipients(List<Notification> notifications) {
        return notifications.stream().map(Notification::recipient).toList();
    }

    @Test
    void shouldNotifyLevelAfterLevelWhileNobodyAcknowledges() {
        long id = openIncident("db01");

        assertThat(escalations()).containsExactly(
                new Outcome.IncidentEscalated(id, 1, T0, List.of("user:alice", "channel:ops-hook")));
        assertThat(session.notifications()).as("consolidated for 30 s").isEmpty();

        session.advance(Duration.ofSeconds(30));
        assertThat(session.notifications()).satisfiesExactly(
                alice -> {
                    assertThat(alice.recipient()).isEqualTo("user:alice");
                    assertThat(alice.channelType()).isEqualTo(ChannelType.EMAIL);
                    assertThat(alice.address()).isEqualTo("alice@example.com");
                    assertThat(alice.decidedAt()).isEqualTo(T0 + 30 * SECOND);
                    assertThat(alice.policy()).isEqualTo("critical");
                    assertThat(alice.items()).containsExactly(new NotificationItem(id, 101L, "db01", "disk", null,
                            "db01/disk is CRITICAL", "CRITICAL", 1, false, T0));
                },
                hook -> {
                    assertThat(hook.recipient()).isEqualTo("channel:ops-hook");
                    assertThat(hook.channelType()).isEqualTo(ChannelType.WEBHOOK);
                    assertThat(hook.settings()).containsEntry("secret", "s3cret");
                });

        session.advance(Duration.ofMinutes(4).plusSeconds(29));
        assertThat(escalations()).hasSize(1);
        session.advance(Duration.ofSeconds(1));
        assertThat(escalations()).last().isEqualTo(new Outcome.IncidentEscalated(id, 2, T0 + 5 * MINUTE, List.of("user:bob")));

        session.advance(Duration.ofMinutes(10));
        assertThat(escalations()).last()
                .isEqualTo(new Outcome.IncidentEscalated(id, 3, T0 + 15 * MINUTE, List.of("channel:ops-hook")));
        session.advance(Duration.ofHours(2));
        assertThat(escalations()).as("no repeat: every level notified once").hasSize(3);
        assertThat(recipients(session.notifications()))
                .containsExactly("user:alice", "channel:ops-hook", "user:bob", "channel:ops-hook");
        assertThat(session.notifications()).extracting(Notification::id).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldConsolidateEverythingForOneRecipientWithinItsWindow() {
        long first = openIncident("db01");
        session.advance(Duration.ofSeconds(10));
        long second = openIncident("db02");
        session.advance(Duration.ofSeconds(10));
        long third = openIncident("db03");

        session.advance(Duration.ofSeconds(10));

        assertThat(session.notifications()).hasSize(2).allSatisfy(notification ->
                assertThat(notification.items()).extracting(NotificationItem::incidentId).containsExactly(first, second, third));
        assertThat(session.notifications().get(0).subject()).isEqualTo("[Vigil] 3 problems");
    }

    @Test
    void shouldTurnAStormOfAThousandIncidentsIntoOneMessagePerRecipient() {
        for (int i = 0; i < 1_000; i++) {
            openIncident("host" + i);
            if (i % 100 == 99) {
                session.advance(Duration.ofSeconds(1));
            }
        }
        session.advance(Duration.ofSeconds(21));

        assertThat(session.notifications()).extracting(Notification::recipient)
                .containsExactly("user:alice", "channel:ops-hook");
        assertThat(session.notifications()).allSatisfy(n -> assertThat(n.items()).hasSize(1_000));
        assertThat(session.notifications().get(0).subject()).isEqualTo("[Vigil] 1000 problems");
    }

    @Test
    void shouldRunTheLevelsAgainAfterTheLongestDelayAsOftenAsThePolicyRepeats() {
        session.replacePolicies("escalation-repeat");
        long id = openIncident("db01");

        session.advance(Duration.ofHours(2));

        assertThat(escalations()).containsExactly(
                new Outcome.IncidentEscalated(id, 1, T0, List.of("user:alice")),
                new Outcome.IncidentEscalated(id, 2, T0 + 10 * MINUTE, List.of("user:bob")),
                new Outcome.IncidentEscalated(id, 1, T0 + 20 * MINUTE, List.of("user:alice")),
                new Outcome.IncidentEscalated(id, 2, T0 + 30 * MINUTE, List.of("user:bob")));
    }

    @Test
    void shouldStopEscalatingOnceAcknowledged() {
        long id = openIncident("db01");
        session.advance(Duration.ofMinutes(2));

        session.acknowledge(id);

        session.advance(Duration.ofHours(1));
        assertThat(escalations()).hasSize(1);
        assertThat(session.session().activeProcesses()).isEqualTo(1);
    }

    @Test
    void shouldSkipALevelAndHalveTheDelaysForAHighPriorityIncident() {
        ServiceStatus shop = new ServiceStatus("shop", Status.NORMAL, BigDecimal.ZERO, T0);
        shop.change(Status.CRITICAL, BigDecimal.ONE, T0, 9L);
        long id = session.session().incidents().open(shop).getId();
        session.fire();

        assertThat(escalations()).containsExactly(new Outcome.IncidentEscalated(id, 2, T0, List.of("user:bob")));
        session.advance(Duration.ofMinutes(5));
        assertThat(escalations()).last()
                .isEqualTo(new Outcome.IncidentEscalated(id, 3, T0 + 5 * MINUTE, List.of("channel:ops-hook")));
    }

    @Test
    void shouldResumeAtTheLevelReachedWhenASnoozeRunsOut() {
        long id = openIncident("db01");
        session.advance(Duration.ofMinutes(1));
        session.command(new EngineCommand.Snooze(id, Duration.ofMinutes(10), "alice"));

        session.advance(Duration.ofMinutes(9));
        assertThat(escalations()).as("paused").hasSize(1);
        session.advance(Duration.ofMinutes(1));

        assertThat(escalations()).last().isEqualTo(
                new Outcome.IncidentEscalated(id, 1, T0 + 11 * MINUTE, List.of("user:alice", "channel:ops-hook")));
        session.advance(Duration.ofMinutes(5));
        assertThat(escalations()).last().isEqualTo(new Outcome.IncidentEscalated(id, 2, T0 + 16 * MINUTE, List.of("user:bob")));
    }

    @Test
    void shouldGiveEveryoneNotifiedTheAllClearAndResolveWhenThePolicySaysSo() {
        long id = openIncident("db01");
        session.advance(Duration.ofMinutes(6));
        Incident incident = session.incidents().get(0);

        session.session().incidents().recovered(incident);
        session.fire();
        session.advance(Duration.ofSeconds(30));

        List<Notification> allClear = session.notifications().stream().filter(Notification::allClear).toList();
        assertThat(recipients(allClear)).containsExactly("user:alice", "channel:ops-hook", "user:bob");
        assertThat(allClear.get(0).subject()).isEqualTo("[Vigil] RECOVERED: db01/disk is CRITICAL");
        assertThat(session.outcomes(Outcome.IncidentResolved.class)).containsExactly(
                new Outcome.IncidentResolved(id, T0 + 6 * MINUTE, null, ResolutionCode.RECOVERED, "its problem went away"));
        assertThat(session.incidents().get(0).getState()).isEqualTo(IncidentState.RESOLVED);
        session.advance(Duration.ofHours(1));
        assertThat(escalations()).as("resolving stopped the escalation").hasSize(2);
    }

    @Test
    void shouldKeepWaitingNotificationsTimersAndIdsThroughSnapshotAndRestore() {
        long id = openIncident("db01");
        session.advance(Duration.ofSeconds(30));
        long second = openIncident("db02");
        session.advance(Duration.ofSeconds(10));

        session.snapshotAndRestore();

        session.advance(Duration.ofSeconds(20));
        assertThat(session.notifications()).extracting(Notification::id).as("ids go on after the restore")
                .containsExactly(1L, 2L, 3L, 4L);
        assertThat(session.notifications().get(2).items()).extracting(NotificationItem::incidentId).containsExactly(second);
        session.advance(Duration.ofMinutes(4));
        assertThat(escalations()).filteredOn(e -> e.incidentId() == id).last()
                .isEqualTo(new Outcome.IncidentEscalated(id, 2, T0 + 5 * MINUTE, List.of("user:bob")));
    }
}
