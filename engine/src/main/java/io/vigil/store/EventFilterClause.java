package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.store.jdbc.UtcColumns;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An {@link EventFilter} as SQL conditions on {@code event_journal j} left-joined with
 * {@code event_classification c}, with their arguments in order. Each condition is one that the
 * indexes of V6 serve (see BENCHMARKS.md, "Event history queries").
 */
final class EventFilterClause {

    private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    private final List<Object> args = new ArrayList<>();

    private EventFilterClause() {
    }

    static EventFilterClause of(EventFilter filter) {
        EventFilterClause clause = new EventFilterClause();
        clause.andIf(filter.resource() != null, "j.resource = ?", filter.resource());
        clause.andIf(filter.check() != null, "j.check_name = ?", filter.check());
        clause.andIf(filter.source() != null, "j.source = ?", filter.source());
        clause.andIf(filter.category() != null, "c.category = ?", filter.category());
        if (!filter.statuses().isEmpty()) {
            clause.sql.append(" AND c.status IN (").append(String.join(", ", Collections.nCopies(filter.statuses().size(), "?")))
                    .append(')');
            filter.statuses().stream().map(Status::name).forEach(clause.args::add);
        }
        clause.andIf(filter.from() != null, "j.occurred_at >= ?", filter.from() == null ? null : UtcColumns.toColumn(filter.from()));
        clause.andIf(filter.to() != null, "j.occurred_at < ?", filter.to() == null ? null : UtcColumns.toColumn(filter.to()));
        return clause;
    }

    /** Adds a condition with one argument. */
    EventFilterClause and(String condition, Object value) {
        sql.append(" AND ").append(condition);
        args.add(value);
        return this;
    }

    String sql() {
        return sql.toString();
    }

    /** The arguments, followed by {@code more} (those of what the query adds after the clause). */
    Object[] args(Object... more) {
        List<Object> all = new ArrayList<>(args);
        Collections.addAll(all, more);
        return all.toArray();
    }

    private void andIf(boolean present, String condition, Object value) {
        if (present) {
            and(condition, value);
        }
    }
}
