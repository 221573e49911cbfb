package io.vigil.ruleset;

import java.time.Instant;

/**
 * A stored backtest: what was asked, how far it got, and its result (JSON of a
 * {@code BacktestResult}) once done.
 *
 * @param state {@code running}, {@code done}, {@code cancelled} or {@code failed}
 */
public record BacktestRow(long id, String version, String baseline, String range, long firstId, long lastId,
                          String requestedBy, Instant requestedAt, String state, long eventsTotal, long eventsDone,
                          Instant finishedAt, String error, String result) {
}
