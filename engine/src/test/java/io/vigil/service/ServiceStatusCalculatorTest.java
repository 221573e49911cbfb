package io.vigil.service;

import io.vigil.model.Status;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.UNKNOWN;
import static io.vigil.model.Status.WARNING;
import static io.vigil.service.ServiceStatusCalculator.simple;
import static io.vigil.service.ServiceStatusCalculator.toScaled;
import static io.vigil.service.ServiceStatusCalculator.weighted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceStatusCalculatorTest {

    @Test
    void shouldAddWeightsExactlySoThatAThresholdIsMetToTheThousandth() {
        long value = toScaled(new BigDecimal("1.2")) + toScaled(new BigDecimal("1.2"))
                + toScaled(BigDecimal.valueOf(2));

        assertThat(ServiceStatusCalculator.fromScaled(value)).isEqualTo(new BigDecimal("4.4"));
        assertThat(weighted(value, toScaled(new BigDecimal("4.4")), toScaled(BigDecimal.TEN), 1)).isEqualTo(WARNING);
        assertThat(weighted(value - 1, toScaled(new BigDecimal("4.4")), toScaled(BigDecimal.TEN), 1)).isEqualTo(NORMAL);
    }

    @Test
    void shouldMeetThresholdsInclusively() {
        assertThat(weighted(999, 500, 1000, 3)).isEqualTo(WARNING);
        assertThat(weighted(1000, 500, 1000, 3)).isEqualTo(CRITICAL);
        assertThat(weighted(499, 500, 1000, 3)).isEqualTo(NORMAL);
        assertThat(weighted(5000, 500, 1000, 0)).as("no element known").isEqualTo(UNKNOWN);
    }

    @Test
    void shouldSplitSimpleModeAtHalfOfTheFlaggedElements() {
        assertThat(simple(1, 3, 3)).isEqualTo(NORMAL);
        assertThat(simple(1, 2, 2)).isEqualTo(WARNING);
        assertThat(simple(2, 4, 4)).isEqualTo(WARNING);
        assertThat(simple(2, 3, 3)).isEqualTo(CRITICAL);
        assertThat(simple(0, 2, 0)).isEqualTo(UNKNOWN);
        assertThat(simple(0, 0, 0)).isEqualTo(UNKNOWN);
        assertThat(ServiceStatusCalculator.simpleValue(2, 3)).isEqualTo(new BigDecimal("66.67"));
    }

    @Test
    void shouldRejectMoreDecimalsThanItKeeps() {
        assertThatThrownBy(() -> toScaled(new BigDecimal("0.0005"))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void shouldEvaluateAServiceFromScratch() {
        ServiceDefinition web = ServiceFixtures.definition("web-application").service("web-application").orElseThrow();
        Map<String, Status> critical = Map.of("apache01", CRITICAL, "apache02", CRITICAL, "weblogic1", CRITICAL);

        ServiceStatusCalculator.Result result = ServiceStatusCalculator.evaluate(web,
                e -> critical.getOrDefault(e.name(), NORMAL));

        assertThat(result).isEqualTo(new ServiceStatusCalculator.Result(WARNING, new BigDecimal("4.4")));
    }
}
