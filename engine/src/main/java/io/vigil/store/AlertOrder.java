package io.vigil.store;

import io.vigil.model.Status;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * How a list of alerts is sorted: always the largest first (newest, latest seen, most reports,
 * worst status), ties broken by id, newest first. As (key, id) is unique, a page can be cut
 * exactly after any row: the next page holds the rows that sort after the row with the given id,
 * as that row stands when the next page is read.
 */
public enum AlertOrder {
    NEWEST("id"),
    LAST_SEEN("last_seen"),
    FIRST_SEEN("first_seen"),
    REPORT_COUNT("report_count"),
    /** CRITICAL, WARNING, UNKNOWN, NORMAL: the statuses' rank, worst first. */
    STATUS("FIELD(status, " + Arrays.stream(Status.values()).map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ")) + ")");

    private final String expression;

    AlertOrder(String expression) {
        this.expression = expression;
    }

    /** The SQL the rows are sorted by (before the id), over the columns of {@code alert}. */
    String expression() {
        return expression;
    }
}
