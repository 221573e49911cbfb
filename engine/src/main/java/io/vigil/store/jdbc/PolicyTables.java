package io.vigil.store.jdbc;

import io.vigil.notify.Notification;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.NotificationDecided;
import io.vigil.session.Outcome.PoliciesReplaced;
import org.springframework.jdbc.core.ConnectionCallback;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes the escalation-policy documents (the newest row is the document in force) and the decided
 * notifications (the outbox, see {@link NotificationTables}) inside the outcome writer's transaction:
 * a notification is stored before anything tries to send it.
 */
final class PolicyTables {

    private final BatchStatements batches;

    PolicyTables(BatchStatements batches) {
        this.batches = batches;
    }

    void write(List<Outcome> outcomes) {
        List<PoliciesReplaced> documents = new ArrayList<>();
        List<Notification> notifications = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof PoliciesReplaced o) {
                documents.add(o);
            } else if (outcome instanceof NotificationDecided o) {
                notifications.add(o.notification());
            }
        }
        if (!notifications.isEmpty()) {
            // The connection of the writer's transaction: the outbox rows commit with the checkpoint.
            batches.jdbc().execute((ConnectionCallback<Void>) connection -> {
                NotificationTables.insert(connection, notifications);
                return null;
            });
        }
        batches.runWide("INSERT INTO policy_document (version, document, policies, schedules, replaced_by, replaced_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", documents, (ps, o) -> {
            ps.setString(1, o.version());
            ps.setString(2, o.document());
            ps.setInt(3, o.policies());
            ps.setInt(4, o.schedules());
            ps.setString(5, fit(o.actor(), 255));
            ps.setObject(6, toColumn(o.at()));
        });
    }
}
