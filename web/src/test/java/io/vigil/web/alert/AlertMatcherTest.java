package io.vigil.web.alert;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Status;
import io.vigil.store.AlertFilter;
import io.vigil.store.AlertRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AlertMatcherTest {

    private static final AlertRow DISK = new AlertRow(7, "db01/disk", AlertKind.EVENT, "db01", "disk", null, "nagios",
            "hardware", Status.CRITICAL, null, null, AlertState.ACKNOWLEDGED, 3, Instant.EPOCH, Instant.EPOCH, 12L,
            "Disk /var is 97% full", "alice", null, null, Instant.EPOCH, Confirmation.NOT_NEEDED, List.of(), null, null,
            false);

    @Test
    void shouldLetTheActiveStatesThroughByDefault() {
        assertThat(AlertMatcher.matches(AlertFilter.ACTIVE_ALERTS, DISK)).isTrue();
        assertThat(AlertMatcher.matches(filter(Set.of(AlertState.OPEN), Set.of(), null, null), DISK)).isFalse();
        assertThat(AlertMatcher.matches(filter(Set.of(AlertState.CLEARED), Set.of(), null, null), DISK)).isFalse();
    }

    @Test
    void shouldMatchStatusAndKind() {
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(Status.WARNING, Status.CRITICAL), null, null), DISK)).isTrue();
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(Status.WARNING), null, null), DISK)).isFalse();
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(), AlertKind.EVENT, null), DISK)).isTrue();
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(), AlertKind.SERVICE, null), DISK)).isFalse();
    }

    /** As LIKE over the table's binary collation: a substring of key, resource, check, service or message, case counting. */
    @Test
    void shouldFindTextInAnyFieldWithItsCase() {
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(), null, "97%"), DISK)).isTrue();
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(), null, "b01/di"), DISK)).isTrue();
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(), null, "disk /var"), DISK)).isFalse();
        assertThat(AlertMatcher.matches(filter(Set.of(), Set.of(), null, "nagios"), DISK)).as("not the source").isFalse();
    }

    private static AlertFilter filter(Set<AlertState> states, Set<Status> statuses, AlertKind kind, String text) {
        return new AlertFilter(states, statuses, kind, text);
    }
}
