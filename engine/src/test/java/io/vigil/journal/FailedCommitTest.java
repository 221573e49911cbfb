package io.vigil.journal;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailedCommitTest {

    @Test
    void shouldTellRefusedDataFromOtherRefusalsFromUnknownOutcomes() {
        assertThat(FailedCommit.of(new DataIntegrityViolationException("Data too long for column 'resource'")))
                .isEqualTo(FailedCommit.DATA_REFUSED);
        assertThat(FailedCommit.of(new BadSqlGrammarException("insert", "INSERT ...", new SQLException("no such table"))))
                .isEqualTo(FailedCommit.NOT_STORED);
        assertThat(FailedCommit.of(new CannotGetJdbcConnectionException("Connection refused")))
                .isEqualTo(FailedCommit.OUTCOME_UNKNOWN);
        assertThat(FailedCommit.of(new QueryTimeoutException("socket timeout"))).isEqualTo(FailedCommit.OUTCOME_UNKNOWN);
        assertThat(FailedCommit.of(new TransactionSystemException("Could not commit JDBC transaction")))
                .isEqualTo(FailedCommit.OUTCOME_UNKNOWN);
        assertThat(FailedCommit.of(new IllegalStateException("anything else"))).isEqualTo(FailedCommit.OUTCOME_UNKNOWN);
    }
}
