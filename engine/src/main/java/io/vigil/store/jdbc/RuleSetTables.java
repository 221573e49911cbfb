package io.vigil.store.jdbc;

import io.vigil.session.Outcome.RuleSetActivated;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Stores that a version became active, inside the caller's transaction: the one active before is
 * retired first (the unique key on {@code is_active} allows one active row at any moment), then the
 * new one is marked and the activation recorded.
 */
public final class RuleSetTables {

    private RuleSetTables() {
    }

    public static void record(JdbcTemplate jdbc, RuleSetActivated activated) {
        jdbc.update("UPDATE rule_set_version SET state = 'retired' WHERE state = 'active'");
        int marked = jdbc.update("UPDATE rule_set_version SET state = 'active' WHERE version = ?", activated.version());
        if (marked != 1) {
            throw new IllegalStateException("rule set " + activated.version() + " was activated but is not stored");
        }
        jdbc.update("INSERT INTO rule_set_activation (version, previous, kind, actor, after_event_id, activated_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", activated.version(), activated.previous(),
                activated.activation().word(), fit(activated.actor(), 255), activated.afterEventId(),
                toColumn(activated.at()));
    }
}
