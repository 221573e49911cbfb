package io.vigil.store.jdbc;

import io.vigil.audit.Firing;
import io.vigil.audit.jdbc.FiringLedger;
import io.vigil.session.BatchOutcome;
import io.vigil.session.Outcome;
import io.vigil.store.jdbc.CheckpointTable.Checkpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stores consecutive engine batches in one transaction: their outcomes, their firings (chained
 * on from the ledger's head), the checkpoint of the last batch and the newest snapshot among
 * them. A failed transaction is retried with backoff until it commits. Every transaction bumps
 * the checkpoint's write_seq, so a retry first checks whether a COMMIT that broke midway had in
 * fact landed, instead of storing the batches twice. One committer per database.
 */
public final class OutcomeCommitter {

    private static final Logger log = LoggerFactory.getLogger(OutcomeCommitter.class);

    private final TransactionTemplate transaction;
    private final OutcomeTables tables;
    private final CheckpointTable checkpoints;
    private final FiringLedger ledger;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private long writeSeq;

    public OutcomeCommitter(DataSource dataSource, Duration minBackoff, Duration maxBackoff) {
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.tables = new OutcomeTables(dataSource);
        this.checkpoints = new CheckpointTable(dataSource);
        this.ledger = new FiringLedger(dataSource);
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.writeSeq = checkpoints.checkpoint().writeSeq();
    }

    /** Returns once the batches are committed; only an interrupt ends the retrying early. */
    public void commit(List<BatchOutcome> batches) throws InterruptedException {
        long seq = writeSeq + 1;
        long backoff = minBackoff.toMillis();
        for (int attempt = 1; ; attempt++) {
            try {
                if (attempt > 1 && checkpoints.checkpoint().writeSeq() == seq) {
                    log.info("the transaction for events up to {} had committed after all", last(batches).lastEventId());
                    ledger.reload();
                } else {
                    ledger.committed(transaction.execute(status -> write(batches, seq)));
                }
                writeSeq = seq;
                return;
            } catch (RuntimeException e) {
                log.error("storing {} engine batches up to event {} failed (attempt {}); retrying in {} ms",
                        batches.size(), last(batches).lastEventId(), attempt, backoff, e);
                TimeUnit.MILLISECONDS.sleep(backoff);
                backoff = Math.min(backoff * 2, maxBackoff.toMillis());
            }
        }
    }

    /** One transaction's work; returns the firing chain's new head. */
    private String write(List<BatchOutcome> batches, long seq) {
        Instant now = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        List<Firing> firings = new ArrayList<>();
        BatchOutcome.Snapshot snapshot = null;
        for (BatchOutcome batch : batches) {
            outcomes.addAll(batch.outcomes());
            firings.addAll(batch.firings());
            if (batch.snapshot() != null) {
                snapshot = batch.snapshot();
            }
        }
        tables.write(outcomes, now);
        String head = ledger.append(firings);
        BatchOutcome last = last(batches);
        long verified = batches.stream().mapToLong(BatchOutcome::verifiedEventId).max().orElse(0);
        checkpoints.saveCheckpoint(new Checkpoint(last.lastEventId(), last.lastFiringId(), seq, verified), now);
        if (snapshot != null) {
            checkpoints.saveSnapshot(snapshot, now);
        }
        return head;
    }

    private static BatchOutcome last(List<BatchOutcome> batches) {
        return batches.get(batches.size() - 1);
    }
}
