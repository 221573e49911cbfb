package io.vigil.web.alert;

import io.vigil.store.AlertFilter;
import io.vigil.store.AlertRow;

import java.util.stream.Stream;

/**
 * Whether a changed alert belongs in a live list: the same test as the store's query
 * ({@code AlertQueries.list}) applied to one row in memory, text matched case-sensitively as the
 * binary collation of the {@code alert} table does.
 */
final class AlertMatcher {

    private AlertMatcher() {
    }

    static boolean matches(AlertFilter filter, AlertRow alert) {
        return filter.states().contains(alert.state())
                && (filter.statuses().isEmpty() || filter.statuses().contains(alert.status()))
                && (filter.kind() == null || filter.kind() == alert.kind())
                && (filter.text() == null || Stream.of(alert.key(), alert.resource(), alert.check(), alert.service(),
                        alert.message()).anyMatch(field -> field != null && field.contains(filter.text())));
    }
}
