package io.vigil.store;

import java.util.List;

/** An alert with its whole history, oldest line first. */
public record AlertDetail(AlertRow alert, List<AlertHistoryRow> history) {
}
