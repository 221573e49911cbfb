package io.vigil.store.jdbc;

import io.vigil.session.Outcome;
import io.vigil.session.Outcome.PoliciesReplaced;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * Writes the escalation-policy documents inside the outcome writer's transaction; the newest row is
 * the document in force.
 */
final class PolicyTables {

    private final BatchStatements batches;

    PolicyTables(BatchStatements batches) {
        this.batches = batches;
    }

    void write(List<Outcome> outcomes) {
        List<PoliciesReplaced> documents = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof PoliciesReplaced o) {
                documents.add(o);
            }
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
