package io.vigil.store;

import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.session.Outcome.ElementStatusChanged;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.vigil.testing.OutcomeFixtures.batch;
import static io.vigil.testing.OutcomeFixtures.store;
import static org.assertj.core.api.Assertions.assertThat;

/** The element statuses a service's page shows: its agents' modules and its modules. */
class ElementStatusQueriesIT {

    private static final long T0 = 1_795_000_000_000L;
    private static final int HOSTS = 1_500;

    private TestDatabase db;
    private ElementStatusQueries elements;

    @BeforeEach
    void storeElements() throws Exception {
        db = TestDatabase.create("element_queries");
        elements = new ElementStatusQueries(db.dataSource());
        List<Outcome> outcomes = new ArrayList<>();
        for (int host = 0; host < HOSTS; host++) {
            outcomes.add(new ElementStatusChanged(host(host), "ping", Status.NORMAL, null, T0, host + 1));
            outcomes.add(new ElementStatusChanged(host(host), "http", host % 2 == 0 ? Status.CRITICAL : Status.WARNING, null, T0, host + 1));
        }
        store(db.dataSource(), batch(HOSTS, 0, outcomes, List.of(), null));
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void shouldListTheModulesOfOneResourceByCheck() {
        assertThat(elements.byResource("host-0007")).extracting(row -> row.check() + " " + row.status())
                .containsExactly("http WARNING", "ping NORMAL");
        assertThat(elements.byResource("nohost")).isEmpty();
    }

    @Test
    void shouldListTheModulesOfManyResourcesInOrderAcrossQueries() {
        List<String> resources = IntStream.range(0, HOSTS).map(i -> HOSTS - 1 - i).mapToObj(ElementStatusQueriesIT::host).toList();

        List<ElementStatusRow> rows = elements.byResources(resources);

        assertThat(rows).hasSize(2 * HOSTS);
        assertThat(rows.get(0)).extracting(ElementStatusRow::resource, ElementStatusRow::check).containsExactly("host-0000", "http");
        assertThat(rows.get(2 * HOSTS - 1)).extracting(ElementStatusRow::resource, ElementStatusRow::check)
                .containsExactly("host-1499", "ping");
        assertThat(elements.byResources(List.of())).isEmpty();
    }

    @Test
    void shouldFindTheStoredOnesOfTheseModules() {
        List<ElementStatusRow> rows = elements.byKeys(List.of(new ElementKey("host-0002", "http"),
                new ElementKey("host-0001", "ping"), new ElementKey("host-0001", "disk"), new ElementKey("nohost", "ping")));

        assertThat(rows).extracting(row -> row.resource() + "/" + row.check() + " " + row.status())
                .containsExactly("host-0001/ping NORMAL", "host-0002/http CRITICAL");
        assertThat(rows.get(1).lastEventId()).isEqualTo(3);
    }

    private static String host(int number) {
        return String.format("host-%04d", number);
    }
}
