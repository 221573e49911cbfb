package io.vigil.store;

import io.vigil.notify.ChannelType;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationItem;
import io.vigil.notify.NotificationState;
import io.vigil.store.jdbc.NotificationOutbox;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.vigil.notify.NotificationFixtures.DECIDED_AT;
import static io.vigil.notify.NotificationFixtures.items;
import static io.vigil.notify.NotificationFixtures.notification;
import static io.vigil.notify.NotificationFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

/** The notification log: what the outbox stored reads back, filtered and paged newest first, with counts per state. */
class NotificationQueriesIT {

    private TestDatabase db;
    private NotificationQueries queries;

    @BeforeEach
    void storeFour() throws Exception {
        db = TestDatabase.create("notification_queries");
        queries = new NotificationQueries(db.dataSource());
        NotificationItem onlyAlert = new NotificationItem(null, 99L, "lb-01", "ping", null, "lb-01/ping is CRITICAL",
                "CRITICAL", 1, false, DECIDED_AT);
        store(db.dataSource(), List.of(
                notification(1, ChannelType.EMAIL, "alice@example.com", Map.of()),
                new Notification(2, DECIDED_AT + 1, "channel:ops", "ops-hook", ChannelType.WEBHOOK, "http://127.0.0.1:9/x",
                        Map.of("secret", "s3cr3t"), null, List.of(onlyAlert)),
                notification(3, ChannelType.SLACK, "http://127.0.0.1:9/slack", Map.of()),
                new Notification(4, DECIDED_AT + 2, "user:bob", "email", ChannelType.EMAIL, "bob@example.com", Map.of(),
                        "default", List.of(items().get(3)))));
        new NotificationOutbox(db.dataSource()).sent(3, 1, DECIDED_AT + 500, "HTTP 200", 12);
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    private List<Long> ids(NotificationFilter filter, Long before, int limit) {
        return queries.list(filter, before, limit).stream().map(NotificationLogRow::id).toList();
    }

    @Test
    void shouldReadBackWhatTheOutboxStoredWithoutTheSettings() {
        NotificationLogRow row = queries.list(NotificationFilter.ALL, null, 10).get(3);

        assertThat(row.id()).isEqualTo(1);
        assertThat(row.decidedAt()).isEqualTo(Instant.ofEpochMilli(DECIDED_AT));
        assertThat(row.nextAttemptAt()).isEqualTo(row.decidedAt());
        assertThat(row.state()).isEqualTo(NotificationState.PENDING);
        assertThat(row.items()).isEqualTo(items());
        assertThat(row.subject()).isEqualTo("[Vigil] 3 problems, 1 recovered");
        assertThat(row.level()).isEqualTo(2);
        assertThat(row.allClear()).isFalse();
        assertThat(queries.byId(4).orElseThrow().notification().allClear()).isTrue();
        assertThat(queries.byId(2).orElseThrow().notification().toString()).doesNotContain("s3cr3t");
    }

    @Test
    void shouldFilterByRecipientIncidentAlertAndState() {
        assertThat(ids(NotificationFilter.ALL, null, 10)).containsExactly(4L, 3L, 2L, 1L);
        assertThat(ids(new NotificationFilter("user:alice", null, null, null), null, 10)).containsExactly(3L, 1L);
        assertThat(ids(new NotificationFilter(null, 5L, null, null), null, 10)).containsExactly(4L, 3L, 1L);
        assertThat(ids(new NotificationFilter(null, null, 99L, null), null, 10)).containsExactly(2L);
        assertThat(ids(new NotificationFilter(null, null, null, NotificationState.SENT), null, 10)).containsExactly(3L);
        assertThat(ids(new NotificationFilter("user:alice", 7L, 3L, NotificationState.PENDING), null, 10)).containsExactly(1L);
    }

    @Test
    void shouldPageByIdNewestFirst() {
        assertThat(ids(NotificationFilter.ALL, null, 2)).containsExactly(4L, 3L);
        assertThat(ids(NotificationFilter.ALL, 3L, 2)).containsExactly(2L, 1L);
        assertThat(ids(NotificationFilter.ALL, 1L, 2)).isEmpty();
    }

    @Test
    void shouldShowAttemptsAndCountPerState() {
        NotificationDetail sent = queries.byId(3).orElseThrow();

        assertThat(sent.notification().sentAt()).isEqualTo(Instant.ofEpochMilli(DECIDED_AT + 500));
        assertThat(sent.attempts()).containsExactly(
                new NotificationAttemptRow(3, 1, Instant.ofEpochMilli(DECIDED_AT + 500), "SENT", "HTTP 200", 12));
        assertThat(queries.byId(1).orElseThrow().attempts()).isEmpty();
        assertThat(queries.byId(5)).isEmpty();
        assertThat(queries.countByState()).containsExactlyInAnyOrderEntriesOf(
                Map.of(NotificationState.PENDING, 3L, NotificationState.SENT, 1L));
    }
}
