package io.vigil.alert;

import io.vigil.model.Status;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MatchTargetTest {

    @Test
    void shouldTakeTheLocationAttributeUnlessBlankElseTheSource() {
        assertThat(MatchTarget.locationOf(Map.of("location", "paris"), "probe")).isEqualTo("paris");
        assertThat(MatchTarget.locationOf(Map.of("location", " "), "probe")).isEqualTo("probe");
        assertThat(MatchTarget.locationOf(Map.of(), "probe")).isEqualTo("probe");
    }

    @Test
    void shouldShowAServiceAlertsServiceAsAnAttributeAndLeaveTheOthersAlone() {
        Map<String, String> attributes = Map.of("env", "prod");
        MatchTarget service = MatchTarget.ofAlert("vigil", null, null, "service", Status.CRITICAL, "vigil", "webshop",
                attributes);
        MatchTarget event = MatchTarget.ofAlert("nagios", "db01", "disk", "hardware", Status.WARNING, "paris", null,
                attributes);

        assertThat(service.apply("service")).isEqualTo("webshop");
        assertThat(service.apply("env")).isEqualTo("prod");
        assertThat(service.apply("status")).isEqualTo("CRITICAL");
        assertThat(event.apply("service")).isNull();
        assertThat(event.apply("location")).isEqualTo("paris");
        assertThat(event.attributes()).isSameAs(attributes);
    }
}
