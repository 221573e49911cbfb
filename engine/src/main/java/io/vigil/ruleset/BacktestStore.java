package io.vigil.ruleset;

import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/** The backtests of rule-set versions (table rule_set_backtest): asked, running, finished. */
public final class BacktestStore {

    private static final String COLUMNS = "id, version, baseline, range_text, first_id, last_id, requested_by, requested_at,"
            + " state, events_total, events_done, finished_at, error";
    private static final RowMapper<BacktestRow> ROW = row(false);
    private static final RowMapper<BacktestRow> ROW_WITH_RESULT = row(true);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public BacktestStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    /** The journal ids of the events that occurred in [from, to): first, last and how many; null when none. */
    public long[] journalRange(Instant from, Instant to) {
        return jdbc.queryForObject("SELECT MIN(id), MAX(id), COUNT(*) FROM event_journal WHERE occurred_at >= ?"
                + " AND occurred_at < ?", (rs, n) -> rs.getLong(3) == 0 ? null
                : new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3)}, toColumn(from), toColumn(to));
    }

    /** Backtests that were running when the server stopped did not finish: they are marked failed. */
    public int failInterrupted() {
        return jdbc.update("UPDATE rule_set_backtest SET state = 'failed', error = 'the server stopped while it ran',"
                + " finished_at = ? WHERE state = 'running'", toColumn(clock.instant()));
    }

    /** Stores a new running backtest and answers its id. */
    public long start(String version, String baseline, String range, long firstId, long lastId, long total, String by) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement ps = connection.prepareStatement("INSERT INTO rule_set_backtest (version, baseline, range_text,"
                    + " first_id, last_id, requested_by, requested_at, state, events_total, events_done)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, 0)", Statement.RETURN_GENERATED_KEYS);
            ps.setString(1, version);
            ps.setString(2, baseline);
            ps.setString(3, fit(range, 255));
            ps.setLong(4, firstId);
            ps.setLong(5, lastId);
            ps.setString(6, fit(by, 255));
            ps.setObject(7, toColumn(clock.instant()));
            ps.setLong(8, total);
            return ps;
        }, keys);
        return keys.getKey().longValue();
    }

    /** @param state done, cancelled or failed; {@code result} JSON or null, {@code error} null unless failed */
    public void finish(long id, String state, long done, String result, String error) {
        jdbc.update("UPDATE rule_set_backtest SET state = ?, events_done = ?, result = ?, error = ?, finished_at = ?"
                + " WHERE id = ?", state, done, result, error == null ? null : fit(error, 2000), toColumn(clock.instant()), id);
    }

    public Optional<BacktestRow> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + ", result FROM rule_set_backtest WHERE id = ?", ROW_WITH_RESULT, id).stream()
                .findFirst();
    }

    /** A version's backtests, newest first, without their results. */
    public List<BacktestRow> ofVersion(String version) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rule_set_backtest WHERE version = ? ORDER BY id DESC", ROW, version);
    }

    /** @param withResult whether the query selects the result column (lists leave it out: it can be large) */
    private static RowMapper<BacktestRow> row(boolean withResult) {
        return (rs, n) -> new BacktestRow(rs.getLong("id"), rs.getString("version"), rs.getString("baseline"),
                rs.getString("range_text"), rs.getLong("first_id"), rs.getLong("last_id"), rs.getString("requested_by"),
                UtcColumns.instant(rs, "requested_at"), rs.getString("state"), rs.getLong("events_total"),
                rs.getLong("events_done"), rs.getTimestamp("finished_at") == null ? null : UtcColumns.instant(rs, "finished_at"),
                rs.getString("error"), withResult ? rs.getString("result") : null);
    }
}
