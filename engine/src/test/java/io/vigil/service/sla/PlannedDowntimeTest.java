package io.vigil.service.sla;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannedDowntimeTest {

    @Test
    void shouldCoverFromItsStartUpToButNotIncludingItsEnd() {
        PlannedDowntime downtime = new PlannedDowntime(1_000, 2_000, "webshop", "upgrade");

        assertThat(downtime.covers(999)).isFalse();
        assertThat(downtime.covers(1_000)).isTrue();
        assertThat(downtime.covers(1_999)).isTrue();
        assertThat(downtime.covers(2_000)).isFalse();
    }

    @Test
    void shouldRefuseADowntimeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new PlannedDowntime(2_000, 2_000, "webshop", null))
                .hasMessage("planned downtime of service \"webshop\" ends at 2000, not after its start 2000");
    }
}
