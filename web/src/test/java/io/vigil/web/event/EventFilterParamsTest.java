package io.vigil.web.event;

import io.vigil.model.Status;
import io.vigil.store.EventFilter;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventFilterParamsTest {

    @Test
    void shouldCheckEveryFilter() {
        EventFilterParams params = new EventFilterParams("db01", "mysql", "nagios", "critical, Warning,CRITICAL", "application",
                "2026-11-21T10:00:00Z", "2026-11-21T12:00:00+01:00");

        assertThat(params.filter()).isEqualTo(new EventFilter("db01", "mysql", "nagios", Set.of(Status.WARNING, Status.CRITICAL),
                "application", Instant.parse("2026-11-21T10:00:00Z"), Instant.parse("2026-11-21T11:00:00Z")));
    }

    @Test
    void shouldTakeBlankParametersAsNoFilter() {
        assertThat(new EventFilterParams("", " ", null, "", null, "", " ").filter()).isEqualTo(EventFilter.ANY);
    }

    @Test
    void shouldNameTheBadStatusAmongSeveral() {
        assertThat(reason(new EventFilterParams(null, null, null, "WARNING,green", null, null, null)))
                .isEqualTo("parameter \"status\" has the bad value \"green\": expected one of CRITICAL, NORMAL, UNKNOWN, WARNING");
        assertThat(reason(new EventFilterParams(null, null, null, "WARNING,", null, null, null)))
                .isEqualTo("parameter \"status\" has the bad value \"\": expected one of CRITICAL, NORMAL, UNKNOWN, WARNING");
    }

    @Test
    void shouldRefuseATimeRangeThatEndsBeforeItStarts() {
        assertThat(reason(new EventFilterParams(null, null, null, null, null, "2026-11-22T00:00:00Z", "2026-11-21T00:00:00Z")))
                .isEqualTo("parameter \"from\" has the bad value \"2026-11-22T00:00:00Z\": expected a time not after \"to\" (2026-11-21T00:00:00Z)");
        assertThat(reason(new EventFilterParams(null, null, null, null, null, null, "yesterday")))
                .isEqualTo("parameter \"to\" has the bad value \"yesterday\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
    }

    @Test
    void shouldWriteTheFilterBackAsEncodedQueryParameters() {
        EventFilter filter = new EventFilter("web 01&x=1", "a+b", null, Set.of(Status.CRITICAL, Status.WARNING), null,
                Instant.parse("2026-11-21T10:00:00Z"), null);

        assertThat(EventFilterParams.link("/api/v1/events", filter, "before=9", "limit=2")).isEqualTo("/api/v1/events"
                + "?resource=web+01%26x%3D1&check=a%2Bb&status=WARNING,CRITICAL&from=2026-11-21T10:00:00Z&before=9&limit=2");
        assertThat(EventFilterParams.link("/console/events", EventFilter.ANY)).isEqualTo("/console/events");
        assertThat(EventFilterParams.link("/console/events/export", EventFilter.ANY, "format=csv"))
                .isEqualTo("/console/events/export?format=csv");
    }

    private static String reason(EventFilterParams params) {
        try {
            params.filter();
        } catch (ResponseStatusException e) {
            assertThat(e.getStatusCode().value()).isEqualTo(400);
            return e.getReason();
        }
        throw new AssertionError("no 400 for " + params);
    }
}
