package io.vigil.web.system;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestParamsTest {

    @Test
    void shouldAcceptLimitsWithinTheStoresBounds() {
        assertThat(RequestParams.limit(1)).isEqualTo(1);
        assertThat(RequestParams.limit(10_000)).isEqualTo(10_000);
    }

    @Test
    void shouldNameLimitAndItsValueWhenOutOfRange() {
        assertThatThrownBy(() -> RequestParams.limit(0))
                .isInstanceOf(ResponseStatusException.class)
                .extracting(e -> ((ResponseStatusException) e).getReason())
                .isEqualTo("parameter \"limit\" has the bad value \"0\": expected a number from 1 to 10000");
    }

    @Test
    void shouldParseInstantsWithZoneOrOffset() {
        assertThat(RequestParams.instant("since", "2026-11-21T10:15:30Z")).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(RequestParams.instant("since", "2026-11-21T11:15:30+01:00")).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(RequestParams.instant("since", " ")).isNull();
    }

    @Test
    void shouldNameTheParameterOfABadInstant() {
        assertThatThrownBy(() -> RequestParams.instant("since", "yesterday"))
                .extracting(e -> ((ResponseStatusException) e).getReason())
                .isEqualTo("parameter \"since\" has the bad value \"yesterday\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
    }

    @Test
    void shouldMatchAllowedValuesInAnyCase() {
        assertThat(RequestParams.oneOf("state", "open", Set.of("OPEN", "RESOLVED"))).isEqualTo("OPEN");
        assertThatThrownBy(() -> RequestParams.oneOf("state", "closed", Set.of("OPEN", "RESOLVED")))
                .extracting(e -> ((ResponseStatusException) e).getReason())
                .isEqualTo("parameter \"state\" has the bad value \"closed\": expected one of OPEN, RESOLVED");
    }

    @Test
    void shouldTakeAListOfAllowedValuesOnceEachNamingTheFirstBadOne() {
        assertThat(RequestParams.eachOneOf("status", "critical, WARNING,CRITICAL", Set.of("WARNING", "CRITICAL")))
                .containsExactly("CRITICAL", "WARNING");
        assertThat(RequestParams.eachOneOf("status", " ", Set.of("WARNING"))).isEmpty();
        assertThatThrownBy(() -> RequestParams.eachOneOf("status", "WARNING,ok,no", Set.of("WARNING", "CRITICAL")))
                .extracting(e -> ((ResponseStatusException) e).getReason())
                .isEqualTo("parameter \"status\" has the bad value \"ok\": expected one of CRITICAL, WARNING");
    }
}
