package io.vigil.store;

import io.vigil.model.IncidentPriority;
import io.vigil.model.ResolutionCode;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.ElementStatusChanged;
import io.vigil.session.Outcome.IncidentAcknowledged;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.IncidentResolved;
import io.vigil.session.Outcome.ServiceStatusChanged;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IncidentQueriesIT {

    private TestDatabase db;
    private IncidentQueries incidents;

    @BeforeEach
    void storeSixIncidents() throws Exception {
        db = TestDatabase.create("incident_queries");
        incidents = new IncidentQueries(db.dataSource());
        List<Outcome> outcomes = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            outcomes.add(new IncidentOpened(id, "host-" + id, "cpu", "host-" + id + "/cpu is CRITICAL", id * 1_000, 100 + id, null, id, null, IncidentPriority.NORMAL, null, null));
        }
        outcomes.add(new IncidentAcknowledged(2, 9_000, "alice"));
        outcomes.add(new IncidentAcknowledged(4, 9_000, "alice"));
        outcomes.add(new IncidentResolved(4, 9_500, "bob", ResolutionCode.FIXED, null));
        store(db.dataSource(), batch(6, 0, outcomes, List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldListNewestFirstFilteredByStateInAnyCase() {
        assertThat(incidents.list(null, null, null, 10)).extracting(IncidentRow::id).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(incidents.list("open", null, null, 10)).extracting(IncidentRow::id).containsExactly(6L, 5L, 3L, 1L);
        assertThat(incidents.list("ACKNOWLEDGED", null, null, 10)).extracting(IncidentRow::id).containsExactly(2L);
        assertThat(incidents.list("Resolved", null, null, 10)).extracting(IncidentRow::id).containsExactly(4L);
        assertThat(incidents.list("unresolved", null, null, 10)).extracting(IncidentRow::id).containsExactly(6L, 5L, 3L, 2L, 1L);
    }

    @Test
    void shouldPageBackwardsFromAnId() {
        assertThat(incidents.list("OPEN", null, 5L, 1)).extracting(IncidentRow::id).containsExactly(3L);
    }

    @Test
    void shouldRejectAnUnknownStateNamingIt() {
        assertThatThrownBy(() -> incidents.list("parked", null, null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown incident state \"parked\" (expected OPEN, ACKNOWLEDGED, INVESTIGATING, RESOLVED, CLOSED or UNRESOLVED)");
    }

    @Test
    void shouldShowTheCurrentStatusOfEachIncidentsElementOrServiceAndFilterByIt() throws Exception {
        store(db.dataSource(), batch(8, 0, List.of(
                new ElementStatusChanged("host-1", "cpu", Status.NORMAL, Status.CRITICAL, 20_000, 7),
                new ElementStatusChanged("host-2", "cpu", Status.CRITICAL, null, 2_000, 8),
                new ElementStatusChanged("host-3", "disk", Status.NORMAL, null, 3_000, 8),
                new IncidentOpened(7, null, null, "service webshop is CRITICAL", 10_000, 107, 40L, null, "webshop", IncidentPriority.NORMAL, null, null),
                new ServiceStatusChanged("webshop", Status.NORMAL, Status.CRITICAL, BigDecimal.ZERO, BigDecimal.TEN, 21_000)),
                List.of(), null));

        assertThat(incidents.list(null, null, null, 10)).extracting(IncidentRow::id, IncidentRow::currentStatus).containsExactly(
                tuple(7L, Status.NORMAL), tuple(6L, null), tuple(5L, null), tuple(4L, null), tuple(3L, null),
                tuple(2L, Status.CRITICAL), tuple(1L, Status.NORMAL));
        assertThat(incidents.list("unresolved", Status.NORMAL, null, 10)).extracting(IncidentRow::id).containsExactly(7L, 1L);
        assertThat(incidents.list(null, Status.CRITICAL, null, 10)).extracting(IncidentRow::id).containsExactly(2L);
        assertThat(incidents.byId(7).orElseThrow().incident().currentStatus()).isEqualTo(Status.NORMAL);
    }

    @Test
    void shouldNameWhatAnIncidentIsAbout() throws Exception {
        store(db.dataSource(), batch(7, 0, List.of(new IncidentOpened(7, null, null, "service webshop is CRITICAL", 10_000, 107,
                40L, null, "webshop", IncidentPriority.NORMAL, null, null)), List.of(), null));

        assertThat(incidents.list(null, null, null, 2)).extracting(IncidentRow::subject)
                .containsExactly("service webshop", "host-6/cpu");
    }

    @Test
    void shouldRoundTripAServiceIncidentWithoutResourceOrCheck() throws Exception {
        store(db.dataSource(), batch(7, 0, List.of(new IncidentOpened(7, null, null, "service webshop is CRITICAL", 10_000, 107,
                40L, null, "webshop", IncidentPriority.NORMAL, null, null)), List.of(), null));

        assertThat(incidents.list("OPEN", null, null, 1)).singleElement().satisfies(incident -> {
            assertThat(incident.id()).isEqualTo(7);
            assertThat(incident.service()).isEqualTo("webshop");
            assertThat(incident.resource()).isNull();
            assertThat(incident.check()).isNull();
        });
        assertThat(incidents.byId(7)).hasValueSatisfying(detail -> {
            assertThat(detail.incident().openedByFiringId()).isEqualTo(40L);
            assertThat(detail.timeline()).extracting(IncidentTimelineRow::text).containsExactly("service webshop is CRITICAL");
        });
        assertThat(incidents.byId(1).orElseThrow().incident().service()).as("an element incident has no service").isNull();
    }

    @Test
    void shouldFindNoDetailForAnUnknownId() {
        assertThat(incidents.byId(99)).isEmpty();
        assertThat(incidents.byId(1)).hasValueSatisfying(detail -> {
            assertThat(detail.incident().openedByFiringId()).isNull();
            assertThat(detail.incident().openedByEventId()).isEqualTo(1L);
            assertThat(detail.tasks()).isEmpty();
            assertThat(detail.timeline()).extracting(IncidentTimelineRow::text).containsExactly("host-1/cpu is CRITICAL");
        });
    }
}
