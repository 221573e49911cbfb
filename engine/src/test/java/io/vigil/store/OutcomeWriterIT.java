package io.vigil.store;

import io.vigil.audit.VerifyResult;
import io.vigil.audit.jdbc.JdbcAuditTrail;
import io.vigil.model.IncidentPriority;
import io.vigil.model.ResolutionCode;
import io.vigil.model.Status;
import io.vigil.notify.ChannelType;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationItem;
import io.vigil.session.BatchOutcome;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.ElementStatusChanged;
import io.vigil.session.Outcome.EventClassified;
import io.vigil.session.Outcome.IncidentAcknowledged;
import io.vigil.session.Outcome.IncidentEscalated;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.IncidentResolved;
import io.vigil.session.Outcome.IncidentTaskCompleted;
import io.vigil.session.Outcome.IncidentTaskOpened;
import io.vigil.store.jdbc.CheckpointTable;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static io.vigil.testing.OutcomeFixtures.RULESET;
import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.classified;
import static io.vigil.testing.OutcomeFixtures.firing;
import static io.vigil.testing.OutcomeFixtures.publishAndWait;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeWriterIT {

    private static final OutcomeWriterSettings FAST_RETRY =
            new OutcomeWriterSettings(64, 32, Duration.ofMillis(10), Duration.ofMillis(50));
    private static final long T0 = Instant.parse("2026-11-21T10:00:00.250Z").toEpochMilli();

    private TestDatabase db;
    private JdbcTemplate jdbc;

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create("outcomes");
        jdbc = new JdbcTemplate(db.dataSource());
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldStoreTheItsmStepsAndTheOutboxInTheCheckpointsTransaction() throws Exception {
        Notification notification = new Notification(7, T0 + 30_000, "user:alice", "email", ChannelType.EMAIL,
                "alice@example.com", Map.of(), "critical", List.of(new NotificationItem(5L, 3L, "web01", "sshd", null,
                "web01/sshd is CRITICAL", "CRITICAL", 1, false, T0)));
        List<Outcome> outcomes = List.of(
                new IncidentOpened(5, "web01", "sshd", "web01/sshd is CRITICAL", T0, 900, null, 2L, null,
                        IncidentPriority.HIGH, "critical", 3L),
                new IncidentEscalated(5, 1, T0, List.of("user:alice", "channel:ops")),
                new Outcome.IncidentSnoozed(5, T0 + 600_000, T0 + 1_000, "alice"),
                new Outcome.IncidentSnoozeEnded(5, T0 + 600_000),
                new Outcome.IncidentAssigned(5, "bob", T0 + 601_000, "alice"),
                new Outcome.IncidentNoted(5, "RAID rebuilding", T0 + 602_000, "bob"),
                new Outcome.IncidentInvestigating(5, T0 + 603_000, "bob"),
                new IncidentResolved(5, T0 + 604_000, "bob", ResolutionCode.WORKAROUND, "swapped the disk"),
                new Outcome.IncidentClosed(5, T0 + 605_000, null),
                new Outcome.NotificationDecided(notification));
        CompletableFuture<Void> committed = new CompletableFuture<>();

        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY)) {
            writer.publish(new BatchOutcome(2, 0, 0, outcomes, List.of(), null, T0 + 605_000, () -> committed.complete(null)));
            committed.get(10, TimeUnit.SECONDS);
        }

        assertThat(jdbc.queryForMap("SELECT state, priority, policy, alert_id, assignee, snoozed_until, resolution_code,"
                + " resolution_note, resolved_by, closed_by, closed_at IS NOT NULL AS closed FROM incident WHERE id = 5"))
                .containsEntry("state", "CLOSED").containsEntry("priority", "HIGH").containsEntry("policy", "critical")
                .containsEntry("alert_id", 3L).containsEntry("assignee", "bob").containsEntry("snoozed_until", null)
                .containsEntry("resolution_code", "WORKAROUND").containsEntry("resolution_note", "swapped the disk")
                .containsEntry("resolved_by", "bob").containsEntry("closed_by", null).containsEntry("closed", 1);
        assertThat(jdbc.queryForList("SELECT CONCAT(kind, ': ', text) FROM incident_timeline WHERE incident_id = 5 ORDER BY id",
                String.class)).containsExactly("OPENED: web01/sshd is CRITICAL",
                "ESCALATED: escalated to level 1: notifying user:alice, channel:ops",
                "SNOOZED: snoozed until 2026-11-21T10:10:00.250Z", "SNOOZE_ENDED: snooze over: open again, escalation resumes",
                "ASSIGNED: assigned to bob", "NOTE: RAID rebuilding", "INVESTIGATING: investigation started",
                "RESOLVED: resolved: WORKAROUND — swapped the disk", "CLOSED: closed automatically");
        assertThat(jdbc.queryForMap("SELECT recipient, state, address, incident_id FROM notification n"
                + " JOIN notification_item i ON i.notification_id = n.id WHERE n.id = 7"))
                .containsEntry("recipient", "user:alice").containsEntry("state", "PENDING")
                .containsEntry("address", "alice@example.com").containsEntry("incident_id", 5L);
        assertThat(new CheckpointTable(db.dataSource()).checkpoint().lastEventId()).isEqualTo(2);
    }

    @Test
    void shouldStoreEveryOutcomeTypeWithFiringsCheckpointAndSnapshot() throws Exception {
        List<Outcome> outcomes = List.of(
                new EventClassified(1, "security", Status.CRITICAL),
                new ElementStatusChanged("web01", "sshd", Status.WARNING, null, T0, 1),
                new ElementStatusChanged("web01", "sshd", Status.CRITICAL, Status.WARNING, T0 + 1_000, 2),
                new IncidentOpened(5, "web01", "sshd", "web01/sshd is CRITICAL", T0 + 1_000, 900, 11L, 2L, null, IncidentPriority.NORMAL, null, null),
                new IncidentTaskOpened(5, 50, "Acknowledge", T0 + 1_000, 500),
                new IncidentEscalated(5, 1, T0 + 901_000, List.of()),
                new IncidentTaskCompleted(5, 50, "Acknowledge", T0 + 902_000, "alice"),
                new IncidentAcknowledged(5, T0 + 902_000, "alice"),
                new IncidentTaskOpened(5, 51, "Resolve", T0 + 902_000, 502),
                new IncidentTaskCompleted(5, 51, "Resolve", T0 + 960_000, "bob"),
                new IncidentResolved(5, T0 + 960_000, "bob", ResolutionCode.FIXED, null));
        BatchOutcome.Snapshot snapshot = new BatchOutcome.Snapshot(2, RULESET, T0 + 960_000, 900, 502, new byte[] {1, 2, 3});
        CompletableFuture<Void> committed = new CompletableFuture<>();
        CompletableFuture<List<Outcome>> heard = new CompletableFuture<>();

        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY)) {
            writer.addListener(heard::complete);
            writer.publish(new BatchOutcome(2, 0, 11, outcomes,
                    List.of(firing(10, T0, "Classify sshd failures", 1L), firing(11, T0 + 1_000, "Open incident for critical alert", 2L)),
                    snapshot, T0 + 960_000, () -> committed.complete(null)));
            committed.get(10, TimeUnit.SECONDS);
        }

        assertThat(heard.get(10, TimeUnit.SECONDS)).isEqualTo(outcomes);
        assertThat(jdbc.queryForMap("SELECT category, status FROM event_classification WHERE event_id = 1"))
                .isEqualTo(Map.of("category", "security", "status", "CRITICAL"));
        assertThat(new ElementStatusQueries(db.dataSource()).list(100)).singleElement().satisfies(element -> {
            assertThat(element.resource()).isEqualTo("web01");
            assertThat(element.status()).isEqualTo(Status.CRITICAL);
            assertThat(element.since()).isEqualTo(Instant.ofEpochMilli(T0 + 1_000));
            assertThat(element.lastEventId()).isEqualTo(2);
        });
        assertThat(jdbc.queryForList("SELECT CONCAT_WS(' ', status, IFNULL(previous, '-'), event_id) FROM element_status_change ORDER BY id",
                String.class)).containsExactly("WARNING - 1", "CRITICAL WARNING 2");

        IncidentDetail detail = new IncidentQueries(db.dataSource()).byId(5).orElseThrow();
        assertThat(detail.incident()).isEqualTo(new IncidentRow(5, "web01", "sshd", null, "web01/sshd is CRITICAL", "RESOLVED", 1,
                Instant.ofEpochMilli(T0 + 1_000), Instant.ofEpochMilli(T0 + 902_000), "alice",
                Instant.ofEpochMilli(T0 + 960_000), "bob", 11L, 2L, 900, Status.CRITICAL, "NORMAL", null, null, null, null, "FIXED", null, null, null));
        assertThat(detail.tasks()).extracting(t -> t.id() + " " + t.name() + " " + t.state() + " " + t.completedBy())
                .containsExactly("50 Acknowledge COMPLETED alice", "51 Resolve COMPLETED bob");
        assertThat(detail.timeline()).extracting(IncidentTimelineRow::kind).containsExactly("OPENED", "TASK_OPENED",
                "ESCALATED", "TASK_COMPLETED", "ACKNOWLEDGED", "TASK_OPENED", "TASK_COMPLETED", "RESOLVED");
        assertThat(detail.timeline().get(0).firingId()).isEqualTo(11L);
        assertThat(detail.timeline().get(2).text()).isEqualTo("escalated to level 1");

        assertThat(jdbc.queryForList("SELECT id FROM rule_firing ORDER BY id", Long.class)).containsExactly(10L, 11L);
        assertThat(new JdbcAuditTrail(db.dataSource()).verify()).isEqualTo(VerifyResult.intact(2));
        assertThat(new CheckpointTable(db.dataSource()).checkpoint()).isEqualTo(new CheckpointTable.Checkpoint(2, 11, 1, 0));
        assertThat(new CheckpointTable(db.dataSource()).snapshot()).hasValueSatisfying(stored -> {
            assertThat(stored.lastEventId()).isEqualTo(2);
            assertThat(stored.sessionClock()).isEqualTo(T0 + 960_000);
            assertThat(stored.bytes()).containsExactly(1, 2, 3);
        });
    }

    @Test
    void shouldShowNothingOfATransactionBeforeItCommitsAndRetryAFailedOneUntilItDoes() throws Exception {
        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY)) {
            publishAndWait(writer, batch(1, 10, List.of(new EventClassified(1, "network", Status.NORMAL)),
                    List.of(firing(10, T0, "Classify network", 1L)), null));
            CompletableFuture<Void> second = new CompletableFuture<>();
            try (CheckpointLock lock = CheckpointLock.hold(db)) {
                writer.publish(batch(2, 11, List.of(new EventClassified(2, "security", Status.CRITICAL),
                                new ElementStatusChanged("web01", "sshd", Status.CRITICAL, null, T0, 2)),
                        List.of(firing(11, T0 + 1, "Classify sshd failures", 2L)), () -> second.complete(null)));
                long firstTry = lock.awaitBlockedWriter(0);
                assertThat(rowsOfEvent(2)).isZero();

                lock.kill(firstTry);
                lock.awaitBlockedWriter(firstTry);
                assertThat(rowsOfEvent(2)).isZero();
            }
            second.get(10, TimeUnit.SECONDS);
        }
        assertThat(rowsOfEvent(2)).isEqualTo(3);
        assertThat(new JdbcAuditTrail(db.dataSource()).verify()).isEqualTo(VerifyResult.intact(2));
        assertThat(new CheckpointTable(db.dataSource()).checkpoint()).isEqualTo(new CheckpointTable.Checkpoint(2, 11, 2, 0));
    }

    @Test
    void shouldMergeBatchesQueuedBehindARunningTransactionIntoOne() throws Exception {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY)) {
            publishAndWait(writer, classified(1, null));
            try (CheckpointLock lock = CheckpointLock.hold(db)) {
                for (long event = 2; event <= 6; event++) {
                    CompletableFuture<Void> committed = new CompletableFuture<>();
                    done.add(committed);
                    writer.publish(classified(event, () -> committed.complete(null)));
                    if (event == 2) {
                        lock.awaitBlockedWriter(0);
                    }
                }
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        // Transactions: event 1, event 2 (held by the lock), then 3..6 merged into one.
        assertThat(new CheckpointTable(db.dataSource()).checkpoint()).isEqualTo(new CheckpointTable.Checkpoint(6, 0, 3, 0));
        assertThat(jdbc.queryForList("SELECT event_id FROM event_classification ORDER BY event_id", Long.class))
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }

    @Test
    void shouldBlockPublishWhileTheQueueIsFull() throws Exception {
        OutcomeWriterSettings oneSlot = new OutcomeWriterSettings(1, 32, Duration.ofMillis(10), Duration.ofMillis(50));
        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), oneSlot)) {
            publishAndWait(writer, classified(1, null));
            CompletableFuture<Void> third;
            try (CheckpointLock lock = CheckpointLock.hold(db)) {
                writer.publish(classified(2, null));
                lock.awaitBlockedWriter(0);
                writer.publish(classified(3, null));
                third = new CompletableFuture<>();
                CompletableFuture<Void> published = third;
                Thread publisher = new Thread(() -> {
                    writer.publish(classified(4, null));
                    published.complete(null);
                });
                publisher.start();
                awaitWaiting(publisher);
                assertThat(third).isNotDone();
            }
            third.get(10, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_classification", Integer.class)).isEqualTo(4);
    }

    @Test
    void shouldBlockPublishWhileTheQueuedOutcomesReachTheirBoundWhateverTheBatchCount() throws Exception {
        // Room for 64 batches but only 2 outcomes: the bound in items is what holds.
        OutcomeWriterSettings twoItems = new OutcomeWriterSettings(64, 32, Duration.ofMillis(10), Duration.ofMillis(50), 2);
        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), twoItems)) {
            publishAndWait(writer, classified(1, null));
            assertThat(writer.backlogItems()).isZero();
            assertThat(writer.lastStoredEventId()).isEqualTo(1);
            CompletableFuture<Void> third = new CompletableFuture<>();
            try (CheckpointLock lock = CheckpointLock.hold(db)) {
                writer.publish(classified(2, null));
                lock.awaitBlockedWriter(0);
                writer.publish(classified(3, null));
                assertThat(writer.backlogItems()).as("the committing batch holds its item too").isEqualTo(2);
                Thread publisher = new Thread(() -> {
                    writer.publish(classified(4, null));
                    third.complete(null);
                });
                publisher.start();
                awaitWaiting(publisher);
                assertThat(third).isNotDone();
                assertThat(writer.backlog()).as("far below the batch bound").isEqualTo(1);
            }
            third.get(10, TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_classification", Integer.class)).isEqualTo(4);
    }

    @Test
    void shouldKeepWritingWhenAListenerOrCallbackFails() throws Exception {
        List<Outcome> heard = new CopyOnWriteArrayList<>();
        try (OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY)) {
            writer.addListener(outcomes -> {
                throw new IllegalStateException("live feed is down");
            });
            writer.addListener(heard::addAll);
            writer.publish(classified(1, () -> {
                throw new IllegalStateException("api caller went away");
            }));
            publishAndWait(writer, classified(2, null));
        }
        assertThat(heard).containsExactly(new EventClassified(1, "security", null), new EventClassified(2, "security", null));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_classification", Integer.class)).isEqualTo(2);
    }

    @Test
    void shouldRefuseBatchesAfterClose() {
        OutcomeWriter writer = new OutcomeWriter(db.dataSource(), FAST_RETRY);
        writer.close();

        assertThatThrownBy(() -> writer.publish(classified(7, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the outcome writer is closed; batch up to event 7 was not stored");
    }

    /** Classification, status change and firing rows that name the event. */
    private int rowsOfEvent(long eventId) {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM event_classification WHERE event_id = ?)"
                + " + (SELECT COUNT(*) FROM element_status_change WHERE event_id = ?)"
                + " + (SELECT COUNT(*) FROM rule_firing WHERE event_ids = ?)", Integer.class, eventId, eventId, String.valueOf(eventId));
    }

    private static void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("publisher parked within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
