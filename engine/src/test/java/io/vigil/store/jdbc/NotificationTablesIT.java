package io.vigil.store.jdbc;

import io.vigil.notify.ChannelType;
import io.vigil.notify.Notification;
import io.vigil.notify.NotificationItem;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vigil.notify.NotificationFixtures.DECIDED_AT;
import static io.vigil.notify.NotificationFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

/** The outbox insert: in the caller's transaction (nothing committed for it), and chunked past the packet limit. */
class NotificationTablesIT {

    private TestDatabase db;

    @BeforeEach
    void create() {
        db = TestDatabase.create("notification_tables");
    }

    @AfterEach
    void drop() {
        db.drop();
    }

    private static Notification large(long id) {
        List<NotificationItem> items = new ArrayList<>();
        for (long i = 0; i < 500; i++) {
            items.add(new NotificationItem(id * 1_000 + i, null, null, null, "svc", "y".repeat(2_000), "CRITICAL", 1, false,
                    DECIDED_AT));
        }
        return new Notification(id, DECIDED_AT, "channel:ops", "ops", ChannelType.WEBHOOK, "http://127.0.0.1:9/", Map.of(),
                null, items);
    }

    @Test
    void shouldStoreABatchFarLargerThanOnePacket() throws Exception {
        List<Notification> notifications = new ArrayList<>();
        for (long id = 1; id <= 40; id++) {
            notifications.add(large(id));
        }
        store(db.dataSource(), notifications);

        JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
        assertThat(jdbc.queryForObject("SELECT SUM(LENGTH(items)) FROM notification", Long.class)).isGreaterThan(32L << 20);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_item", Long.class)).isEqualTo(40L * 500);
    }

    @Test
    void shouldLeaveTheTransactionToTheCaller() throws Exception {
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            NotificationTables.insert(connection, List.of(large(1)));
            connection.rollback();
            assertThat(connection.isClosed()).isFalse();
        }
        assertThat(new JdbcTemplate(db.dataSource()).queryForObject("SELECT COUNT(*) FROM notification", Long.class)).isZero();
    }
}
