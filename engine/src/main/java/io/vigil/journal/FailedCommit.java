package io.vigil.journal;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * What a failed journal transaction means for its events. A statement the database refused rolls
 * the transaction back, so its events are certainly not stored — refused for their data (no retry
 * helps) or for another reason (a retry later may). When the connection failed, possibly during
 * COMMIT, only the database knows.
 */
enum FailedCommit {

    /** The data was refused (a value too long, a duplicate key): the events can never be stored as they are. */
    DATA_REFUSED,
    /** A statement was refused for another reason (a missing table, a missing privilege): nothing is stored. */
    NOT_STORED,
    /** The connection or the transaction failed: the commit may have landed. */
    OUTCOME_UNKNOWN;

    static FailedCommit of(RuntimeException failure) {
        if (failure instanceof DataIntegrityViolationException) {
            return DATA_REFUSED;
        }
        if (failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException || failure instanceof TransactionException
                || !(failure instanceof DataAccessException)) {
            return OUTCOME_UNKNOWN;
        }
        return NOT_STORED;
    }
}
