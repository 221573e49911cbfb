package io.vigil.session;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotPolicyTest {

    private static final long MS = 1_000_000L;
    private final SnapshotPolicy policy = SnapshotPolicy.afterProcessStepsAndEvery(Duration.ofMinutes(5));

    @Test
    void shouldAllowAProcessSnapshotOnlyAfterTheMinimumGap() {
        assertThat(policy.processSnapshotAllowed(199 * MS, MS)).isFalse();
        assertThat(policy.processSnapshotAllowed(200 * MS, MS)).isTrue();
    }

    @Test
    void shouldWaitFourTimesWhatTheLastSnapshotCostWhenThatIsLonger() {
        assertThat(policy.processSnapshotAllowed(1_999 * MS, 500 * MS)).isFalse();
        assertThat(policy.processSnapshotAllowed(2_000 * MS, 500 * MS)).isTrue();
    }

    @Test
    void shouldTakeThePeriodicSnapshotWhenTheIntervalOfSessionTimeHasPassed() {
        assertThat(policy.periodicDue(300_000 - 1, 0)).isFalse();
        assertThat(policy.periodicDue(300_000, 0)).isTrue();
        assertThat(SnapshotPolicy.never().periodicDue(Long.MAX_VALUE, 0)).isFalse();
    }
}
