package io.vigil.session;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalContinuityTest {

    private final JournalContinuity continuity = new JournalContinuity();

    @Test
    void shouldBeUnknownUntilRecoveryHasCheckedTheJournal() {
        continuity.processed(1, 10);

        assertThat(continuity.upTo()).isZero();
        continuity.verified(10);
        assertThat(continuity.upTo()).isEqualTo(10);
    }

    @Test
    void shouldMoveOverProcessedIdsAndIdsTheWriterGaveUpOn() {
        continuity.verified(10);

        continuity.processed(11, 20);
        continuity.absent(21, 25);
        continuity.processed(26, 26);

        assertThat(continuity.upTo()).isEqualTo(26);
    }

    @Test
    void shouldStopAtAnIdNobodyAccountedForUntilTheNextStart() {
        continuity.verified(10);
        continuity.processed(11, 20);

        continuity.processed(23, 30);
        continuity.absent(21, 22);
        continuity.processed(31, 40);

        assertThat(continuity.upTo()).isEqualTo(20);
    }

    @Test
    void shouldIgnoreIdsAlreadyBehindIt() {
        continuity.verified(10);

        continuity.processed(5, 12);

        assertThat(continuity.upTo()).isEqualTo(12);
    }
}
