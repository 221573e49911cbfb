package io.vigil.audit.jdbc;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.FiringRow;
import io.vigil.audit.VerifyResult;
import io.vigil.store.jdbc.JsonColumns;
import io.vigil.store.jdbc.QueryLimits;
import io.vigil.store.jdbc.UtcColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The audit trail read from {@code rule_firing}; rows are written by {@link FiringLedger}. */
public final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "id, fired_at, rule_name, rule_package, ruleset_version, facts, event_ids,"
            + " outcome, prev_hash, hash";

    private static final RowMapper<FiringRow> ROW = (rs, n) -> new FiringRow(rs.getLong("id"),
            UtcColumns.instant(rs, "fired_at"), rs.getString("rule_name"), rs.getString("rule_package"),
            rs.getString("ruleset_version"), JsonColumns.facts(rs.getString("facts")), eventIds(rs.getString("event_ids")),
            rs.getString("outcome"), rs.getString("prev_hash"), rs.getString("hash"));

    private final JdbcTemplate jdbc;
    private final JdbcTemplate streaming;

    public JdbcAuditTrail(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.streaming = new JdbcTemplate(dataSource);
        // A positive fetch size makes MariaDB Connector/J stream rows instead of loading them all.
        streaming.setFetchSize(1_000);
    }

    @Override
    public List<FiringRow> query(String ruleOrNull, Instant sinceOrNull, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM rule_firing WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (ruleOrNull != null) {
            sql.append(" AND rule_name = ?");
            args.add(ruleOrNull);
        }
        if (sinceOrNull != null) {
            sql.append(" AND fired_at >= ?");
            args.add(UtcColumns.toColumn(sinceOrNull));
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(QueryLimits.require(limit));
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    @Override
    public Optional<FiringRow> byId(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM rule_firing WHERE id = ?", ROW, id).stream().findFirst();
    }

    @Override
    public VerifyResult verify() {
        ChainCheck check = new ChainCheck();
        streaming.query("SELECT " + COLUMNS + " FROM rule_firing ORDER BY id", rs -> {
            if (check.broken == null) {
                check.next(rs.getLong("id"), UtcColumns.epochMillis(rs, "fired_at"), rs.getString("rule_name"),
                        rs.getString("rule_package"), rs.getString("ruleset_version"), rs.getString("facts"),
                        rs.getString("event_ids"), rs.getString("outcome"), rs.getString("prev_hash"), rs.getString("hash"));
            }
        });
        return check.broken != null ? check.broken : VerifyResult.intact(check.rows);
    }

    /** Walks the rows in id order, remembering the first that does not fit the chain. */
    private static final class ChainCheck {
        private String expectedPrev = FiringHash.GENESIS;
        private long previousId;
        private long rows;
        private VerifyResult broken;

        void next(long id, long firedAt, String rule, String rulePackage, String version, String facts,
                  String eventIds, String outcome, String prevHash, String hash) {
            rows++;
            if (!expectedPrev.equals(prevHash)) {
                String previous = previousId == 0 ? "the genesis hash" : "the hash of row " + previousId;
                broken = VerifyResult.broken(rows, id, "prev_hash " + prevHash + " of row " + id + " is not " + previous
                        + " (a row before it was changed, removed or inserted)");
                return;
            }
            String recomputed = FiringHash.hash(prevHash,
                    FiringHash.canonical(id, firedAt, rule, rulePackage, version, facts, eventIds, outcome));
            if (!recomputed.equals(hash)) {
                broken = VerifyResult.broken(rows, id, "hash of row " + id + " does not match its content"
                        + " (stored " + hash + ", recomputed " + recomputed + ")");
                return;
            }
            expectedPrev = hash;
            previousId = id;
        }
    }

    private static List<Long> eventIds(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(Long::valueOf).toList();
    }
}
