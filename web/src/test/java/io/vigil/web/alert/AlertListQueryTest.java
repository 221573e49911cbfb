package io.vigil.web.alert;

import io.vigil.model.AlertState;
import io.vigil.store.AlertOrder;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertListQueryTest {

    @Test
    void shouldTakeRepeatedOrCommaSeparatedStatesAndSortLatestSeenFirstByDefault() {
        AlertListQuery query = AlertListQuery.of(List.of("open", "ACKNOWLEDGED", ""), " ", null, " db01 ", null, null);

        assertThat(query).isEqualTo(new AlertListQuery("open,ACKNOWLEDGED", null, null, "db01", AlertOrder.LAST_SEEN, null));
        assertThat(query.filter().states()).containsExactlyInAnyOrder(AlertState.OPEN, AlertState.ACKNOWLEDGED);
        assertThat(query.thisPage()).isEqualTo("/console/alerts?state=open,ACKNOWLEDGED&q=db01");
    }

    @Test
    void shouldKeepFiltersOrderAndPageInItsLinks() {
        AlertListQuery query = AlertListQuery.of(List.of("OPEN"), "critical", "event", "disk 97%", "report_count", 40L);

        assertThat(query.thisPage()).isEqualTo("/console/alerts?state=OPEN&status=critical&kind=event&q=disk%2097%25"
                + "&sort=report_count&before=40");
        assertThat(query.firstPage()).isEqualTo("/console/alerts?state=OPEN&status=critical&kind=event&q=disk%2097%25"
                + "&sort=report_count");
        assertThat(query.pageAfter(12)).endsWith("&sort=report_count&before=12");
        assertThat(query.stream(5)).isEqualTo("/console/alerts/stream?state=OPEN&status=critical&kind=event&q=disk%2097%25&seen=5");
    }

    @Test
    void shouldRefuseAnUnknownOrderOrFilterNamingIt() {
        assertThatThrownBy(() -> AlertListQuery.of(null, null, null, null, "colour", null))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("parameter \"sort\" has the bad value"
                        + " \"colour\": expected one of FIRST_SEEN, LAST_SEEN, NEWEST, REPORT_COUNT, STATUS");
        assertThatThrownBy(() -> AlertListQuery.of(List.of("gone"), null, null, null, null, null))
                .isInstanceOf(ResponseStatusException.class).hasMessageContaining("parameter \"state\" has the bad value \"gone\"");
    }
}
