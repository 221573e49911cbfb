package io.vigil.store;

import io.vigil.session.Outcome;
import io.vigil.session.Outcome.IncidentAcknowledged;
import io.vigil.session.Outcome.IncidentOpened;
import io.vigil.session.Outcome.IncidentResolved;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentQueriesIT {

    private TestDatabase db;
    private IncidentQueries incidents;

    @BeforeEach
    void storeSixIncidents() throws Exception {
        db = TestDatabase.create("incident_queries");
        incidents = new IncidentQueries(db.dataSource());
        List<Outcome> outcomes = new ArrayList<>();
        for (long id = 1; id <= 6; id++) {
            outcomes.add(new IncidentOpened(id, "host-" + id, "cpu", "host-" + id + "/cpu is CRITICAL", id * 1_000, 100 + id, null, id, null));
        }
        outcomes.add(new IncidentAcknowledged(2, 9_000, "alice"));
        outcomes.add(new IncidentAcknowledged(4, 9_000, "alice"));
        outcomes.add(new IncidentResolved(4, 9_500, "bob"));
        store(db.dataSource(), batch(6, 0, outcomes, List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldListNewestFirstFilteredByStateInAnyCase() {
        assertThat(incidents.list(null, null, 10)).extracting(IncidentRow::id).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(incidents.list("open", null, 10)).extracting(IncidentRow::id).containsExactly(6L, 5L, 3L, 1L);
        assertThat(incidents.list("ACKNOWLEDGED", null, 10)).extracting(IncidentRow::id).containsExactly(2L);
        assertThat(incidents.list("Resolved", null, 10)).extracting(IncidentRow::id).containsExactly(4L);
    }

    @Test
    void shouldPageBackwardsFromAnId() {
        assertThat(incidents.list("OPEN", 5L, 1)).extracting(IncidentRow::id).containsExactly(3L);
    }

    @Test
    void shouldRejectAnUnknownStateNamingIt() {
        assertThatThrownBy(() -> incidents.list("closed", null, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown incident state \"closed\" (expected OPEN, ACKNOWLEDGED or RESOLVED)");
    }

    @Test
    void shouldRoundTripAServiceIncidentWithoutResourceOrCheck() throws Exception {
        store(db.dataSource(), batch(7, 0, List.of(new IncidentOpened(7, null, null, "service webshop is CRITICAL", 10_000, 107,
                40L, null, "webshop")), List.of(), null));

        assertThat(incidents.list("OPEN", null, 1)).singleElement().satisfies(incident -> {
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
