package io.vigil.store;

import io.vigil.alert.AlertChangeKind;
import io.vigil.alert.AlertView;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Confirmation;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.AlertChanged;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The console's reads of stored alerts: every order paged by the last row's id, changed rows by id, counts per state. */
class AlertQueriesIT {

    private TestDatabase db;
    private AlertQueries alerts;

    /** Ties on purpose: 1 and 2 were last seen together and have 5 reports each; 3 and 6 have one each. */
    @BeforeEach
    void storeSixAlerts() throws Exception {
        db = TestDatabase.create("alert_queries");
        alerts = new AlertQueries(db.dataSource());
        List<Outcome> outcomes = List.of(
                changed(alert(1, Status.CRITICAL, AlertState.OPEN, 5, 1_000, 9_000)),
                changed(alert(2, Status.WARNING, AlertState.OPEN, 5, 2_000, 9_000)),
                changed(alert(3, Status.UNKNOWN, AlertState.ACKNOWLEDGED, 1, 3_000, 4_000)),
                changed(alert(4, Status.CRITICAL, AlertState.SHELVED, 9, 4_000, 5_000)),
                changed(alert(5, Status.NORMAL, AlertState.CLEARED, 2, 5_000, 6_000)),
                changed(alert(6, Status.CRITICAL, AlertState.OPEN, 1, 500, 6_000)));
        store(db.dataSource(), batch(6, 0, outcomes, List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldSortActiveAlertsLargestFirstWithTiesNewestFirst() {
        assertThat(ids(AlertOrder.NEWEST, null, 10)).containsExactly(6L, 4L, 3L, 2L, 1L);
        assertThat(ids(AlertOrder.LAST_SEEN, null, 10)).containsExactly(2L, 1L, 6L, 4L, 3L);
        assertThat(ids(AlertOrder.FIRST_SEEN, null, 10)).containsExactly(4L, 3L, 2L, 1L, 6L);
        assertThat(ids(AlertOrder.REPORT_COUNT, null, 10)).containsExactly(4L, 2L, 1L, 6L, 3L);
        assertThat(ids(AlertOrder.STATUS, null, 10)).containsExactly(6L, 4L, 1L, 2L, 3L);
    }

    @Test
    void shouldPageEveryOrderAfterTheLastRowWithoutLosingOrRepeatingOne() {
        for (AlertOrder order : AlertOrder.values()) {
            List<Long> paged = new ArrayList<>();
            List<Long> page = ids(order, null, 2);
            while (!page.isEmpty()) {
                paged.addAll(page);
                page = ids(order, page.get(page.size() - 1), 2);
            }
            assertThat(paged).as(order.name()).isEqualTo(ids(order, null, 10));
        }
    }

    @Test
    void shouldGiveNoPageAfterAnAlertThatDoesNotExistExceptByIdWhereAnyNumberCuts() {
        assertThat(ids(AlertOrder.LAST_SEEN, 999L, 10)).isEmpty();
        assertThat(ids(AlertOrder.NEWEST, 999L, 10)).containsExactly(6L, 4L, 3L, 2L, 1L);
    }

    @Test
    void shouldSortWithinTheFilter() {
        AlertFilter critical = new AlertFilter(Set.of(), Set.of(Status.CRITICAL), null, null);

        assertThat(alerts.list(critical, AlertOrder.REPORT_COUNT, null, 10)).extracting(AlertRow::id)
                .containsExactly(4L, 1L, 6L);
        assertThat(alerts.list(critical, AlertOrder.REPORT_COUNT, 1L, 10)).extracting(AlertRow::id).containsExactly(6L);
    }

    @Test
    void shouldReadChangedAlertsByIdClearedOnesIncluded() {
        assertThat(alerts.byIds(List.of(2L, 5L, 99L))).extracting(AlertRow::id, AlertRow::state)
                .containsExactlyInAnyOrder(tuple(2L, AlertState.OPEN),
                        tuple(5L, AlertState.CLEARED));
        assertThat(alerts.byIds(List.of())).isEmpty();
    }

    @Test
    void shouldCountTheActiveStatesOnly() {
        assertThat(alerts.countByState()).isEqualTo(Map.of(AlertState.OPEN, 3L, AlertState.ACKNOWLEDGED, 1L,
                AlertState.SHELVED, 1L));
    }

    private List<Long> ids(AlertOrder order, Long after, int limit) {
        return alerts.list(AlertFilter.ACTIVE_ALERTS, order, after, limit).stream().map(AlertRow::id).toList();
    }

    private static AlertView alert(long id, Status status, AlertState state, long count, long firstSeen, long lastSeen) {
        return new AlertView(id, "host-" + id + "/disk", AlertKind.EVENT, "host-" + id, "disk", null, "test", "hardware",
                status, null, null, state, count, firstSeen, lastSeen, id, "disk of host-" + id, null, null,
                state == AlertState.SHELVED ? lastSeen + 3_600_000 : 0, Confirmation.NOT_NEEDED, List.of(), null, null,
                false);
    }

    private static AlertChanged changed(AlertView alert) {
        return new AlertChanged(alert, AlertChangeKind.OPENED, null, null, alert.lastSeen(), alert.lastEventId(), null);
    }
}
