package io.vigil.ruleset;

import io.vigil.session.Outcome.RuleSetActivated;
import io.vigil.session.RuleSet;
import io.vigil.session.RuleSetActivation;
import io.vigil.session.RuleSetCompileException;
import io.vigil.session.RuleSetHistory;
import io.vigil.store.jdbc.RuleSetTables;
import io.vigil.store.jdbc.UtcColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.vigil.store.jdbc.Columns.fit;
import static io.vigil.store.jdbc.UtcColumns.toColumn;

/**
 * The stored rule-set versions: their files, who made them and why, which one is active, and every
 * activation. Versions are content-addressed and immutable: storing the same files twice gives the
 * same version. Activations made while the engine runs are written by the outcome writer with the
 * batch that switched ({@link RuleSetTables}); this class writes only the one made at start.
 */
public final class RuleSetLibrary implements RuleSetHistory {

    /** The author of the versions the server imports from its own jar. */
    public static final String SERVER = "vigil";

    private static final Logger log = LoggerFactory.getLogger(RuleSetLibrary.class);
    private static final String VERSION_COLUMNS = "v.version, v.parent, v.author, v.message, v.origin, v.created_at,"
            + " v.state, (SELECT COUNT(*) FROM rule_set_file f WHERE f.version = v.version) AS files";
    private static final RowMapper<RuleSetVersion> VERSION = (rs, n) -> new RuleSetVersion(rs.getString("version"),
            rs.getString("parent"), rs.getString("author"), rs.getString("message"), rs.getString("origin"),
            UtcColumns.instant(rs, "created_at"),
            RuleSetVersion.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), rs.getInt("files"));
    private static final RowMapper<RuleSetActivationRow> ACTIVATION = (rs, n) -> new RuleSetActivationRow(
            rs.getLong("id"), rs.getString("version"), rs.getString("previous"), rs.getString("kind"),
            rs.getString("actor"), rs.getLong("after_event_id"), UtcColumns.instant(rs, "activated_at"));

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RuleSetLibrary(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.clock = clock;
    }

    /** Every version, newest first. */
    public List<RuleSetVersion> versions() {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM rule_set_version v ORDER BY v.seq DESC", VERSION);
    }

    public Optional<RuleSetVersion> version(String version) {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM rule_set_version v WHERE v.version = ?", VERSION, version)
                .stream().findFirst();
    }

    public Optional<RuleSetVersion> active() {
        return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM rule_set_version v WHERE v.state = 'active'", VERSION)
                .stream().findFirst();
    }

    /** A version's files, path to source, sorted by path; empty when the version is not stored. */
    @Override
    public Optional<SortedMap<String, String>> sources(String version) {
        SortedMap<String, String> files = new TreeMap<>();
        jdbc.query("SELECT path, source FROM rule_set_file WHERE version = ?",
                rs -> {
                    files.put(rs.getString(1), rs.getString(2));
                }, version);
        return files.isEmpty() ? Optional.empty() : Optional.of(files);
    }

    /**
     * The version active before {@code version} was last made active by a person or a release; an
     * automatic rollback does not count (its previous version is the one that ran away).
     */
    @Override
    public Optional<String> versionBefore(String version) {
        return jdbc.queryForList("SELECT previous FROM rule_set_activation WHERE version = ? AND kind <> 'auto-rollback'"
                + " ORDER BY id DESC LIMIT 1", String.class, version).stream().filter(Objects::nonNull).findFirst();
    }

    /** Every activation, newest first. */
    public List<RuleSetActivationRow> activations() {
        return jdbc.query("SELECT id, version, previous, kind, actor, after_event_id, activated_at FROM rule_set_activation"
                + " ORDER BY id DESC", ACTIVATION);
    }

    /**
     * Stores a compiled rule set as a draft, or answers the version already stored with the same
     * files (whoever made it first is its author).
     */
    public RuleSetVersion store(RuleSet ruleSet, String parent, String author, String message, String origin) {
        return transaction.execute(status -> {
            Optional<RuleSetVersion> known = version(ruleSet.version());
            if (known.isPresent()) {
                return known.get();
            }
            jdbc.update("INSERT INTO rule_set_version (version, parent, author, message, origin, created_at, state)"
                            + " VALUES (?, ?, ?, ?, ?, ?, 'draft')", ruleSet.version(), parent, fit(author, 255),
                    fit(message, 2000), origin, toColumn(clock.instant()));
            jdbc.batchUpdate("INSERT INTO rule_set_file (version, path, source) VALUES (?, ?, ?)",
                    List.copyOf(ruleSet.sources().entrySet()), 100, (ps, file) -> {
                        ps.setString(1, ruleSet.version());
                        ps.setString(2, file.getKey());
                        ps.setString(3, file.getValue());
                    });
            return version(ruleSet.version()).orElseThrow();
        });
    }

    /**
     * The version the engine starts with, the rules shipped in the server's jar considered:
     * <ul>
     * <li>nothing stored yet: the shipped rules become the first version, active ({@code import});</li>
     * <li>the active version is an earlier shipped one: this release's shipped rules replace it
     * ({@code upgrade});</li>
     * <li>an analyst's version is active: it stays; the shipped rules are stored as a draft to
     * compare and merge;</li>
     * <li>the active version no longer compiles (a release changed the fact model): the shipped
     * rules take over, and the log says why at ERROR.</li>
     * </ul>
     *
     * @param checkpointEventId events after it are processed by the version returned
     */
    public RuleSet activeForStart(RuleSet shipped, long checkpointEventId) {
        Optional<RuleSetVersion> active = active();
        store(shipped, active.map(RuleSetVersion::version).orElse(null), SERVER, "the rules shipped with the server",
                RuleSetVersion.SHIPPED);
        if (active.isEmpty()) {
            activateAtStart(shipped, null, RuleSetActivation.IMPORT, checkpointEventId);
            return shipped;
        }
        String current = active.get().version();
        if (current.equals(shipped.version())) {
            return shipped;
        }
        if (RuleSetVersion.SHIPPED.equals(active.get().origin())) {
            log.info("this release ships other rules: rule set {} replaces the shipped {}", shipped.version(), current);
            activateAtStart(shipped, current, RuleSetActivation.UPGRADE, checkpointEventId);
            return shipped;
        }
        try {
            RuleSet stored = RuleSet.of(sources(current).orElseThrow());
            log.info("rule set {} by {} stays active; the rules shipped with this release are stored as draft {}",
                    current, active.get().author(), shipped.version());
            return stored;
        } catch (RuleSetCompileException e) {
            log.error("the active rule set {} by {} does not compile with this release, so the shipped rules {} are"
                    + " active instead; fix it and deploy it again: {}", current, active.get().author(), shipped.version(),
                    e.getMessage());
            activateAtStart(shipped, current, RuleSetActivation.UPGRADE, checkpointEventId);
            return shipped;
        }
    }

    private void activateAtStart(RuleSet ruleSet, String previous, RuleSetActivation kind, long checkpointEventId) {
        transaction.executeWithoutResult(status -> RuleSetTables.record(jdbc, new RuleSetActivated(ruleSet.version(),
                previous, kind, SERVER, checkpointEventId, clock.millis())));
    }
}
