package io.vigil.store;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertRowTest {

    private static AlertRow row(Confirmation confirmation, List<String> locations, String suppressedBy, String silencedBy,
                                boolean flapping) {
        return new AlertRow(1, "web01/http", AlertKind.EVENT, "web01", "http", null, "probe", "operational",
                Status.CRITICAL, null, null, AlertState.OPEN, 1, Instant.EPOCH, Instant.EPOCH, 1L, "down", null, null,
                null, Instant.EPOCH, confirmation, locations, suppressedBy, silencedBy, flapping);
    }

    @Test
    void shouldSayWhyAnAlertPagesNobody() {
        assertThat(row(Confirmation.NOT_NEEDED, List.of(), null, null, false).paging()).isEqualTo("yes");
        assertThat(row(Confirmation.CONFIRMED, List.of("paris", "tokyo", "virginia"), null, null, false).paging())
                .isEqualTo("yes");
        assertThat(row(Confirmation.UNCONFIRMED, List.of("paris"), null, null, false).paging())
                .isEqualTo("unconfirmed: 1 location so far");
        assertThat(row(Confirmation.UNCONFIRMED, List.of("paris", "tokyo"), null, null, false).paging())
                .isEqualTo("unconfirmed: 2 locations so far");
        assertThat(row(Confirmation.NOT_CONFIRMED, List.of("paris"), null, null, false).paging()).isEqualTo("not confirmed");
        assertThat(row(Confirmation.NOT_NEEDED, List.of(), "lb01", "4", true).paging()).isEqualTo("suppressed by lb01");
        assertThat(row(Confirmation.NOT_NEEDED, List.of(), null, "4", true).paging()).isEqualTo("silenced (silence 4)");
        assertThat(row(Confirmation.NOT_NEEDED, List.of(), null, null, true).paging()).isEqualTo("flapping");
    }
}
