package io.vigil.service;

import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;

class CascadeProtectionTest {

    private final ServiceTree tree = ServiceFixtures.tree("cascade");

    @Test
    void shouldLetEverythingRaiseWhileTheProtectingServiceIsNotCritical() {
        tree.elementChanged("ups1", "battery", NORMAL);
        tree.elementChanged("router1", "ping", WARNING);

        assertThat(tree.status("datacenter")).isEqualTo(WARNING);
        assertThat(tree.isSuppressed("router1", "ping")).isFalse();
        assertThat(tree.isServiceSuppressed("network")).isFalse();
        assertThat(tree.raisesAlerts("network")).isTrue();
    }

    @Test
    void shouldSilenceEverythingBelowACriticalServiceWithCascadeProtection() {
        tree.elementChanged("router1", "ping", CRITICAL);

        assertThat(tree.status("datacenter")).isEqualTo(CRITICAL);
        assertThat(tree.raisesAlerts("datacenter")).isTrue();
        assertThat(tree.isServiceSuppressed("network")).isTrue();
        assertThat(tree.raisesAlerts("network")).isFalse();
        assertThat(tree.isSuppressed("router1", "ping")).isTrue();
        assertThat(tree.isSuppressed("ups1", "battery")).isTrue();
        assertThat(tree.isSuppressed("core1", "cpu")).as("a module of an agent element below it").isTrue();
        assertThat(tree.isSuppressed("lab1", "ping")).as("another tree").isFalse();
        assertThat(tree.isSuppressed("elsewhere", "ping")).as("not in any tree").isFalse();
        assertThat(tree.service("network").orElseThrow().service().suppressed()).isTrue();
    }

    @Test
    void shouldLiftTheSilenceWhenTheProtectingServiceRecovers() {
        tree.elementChanged("router1", "ping", CRITICAL);
        tree.elementChanged("router1", "ping", NORMAL);

        assertThat(tree.isSuppressed("router1", "ping")).isFalse();
        assertThat(tree.raisesAlerts("network")).isTrue();
    }

    @Test
    void shouldComputeAQuietServiceButRaiseNothingForIt() {
        tree.elementChanged("lab1", "ping", CRITICAL);

        assertThat(tree.status("lab")).isEqualTo(CRITICAL);
        assertThat(tree.raisesAlerts("lab")).isFalse();
        assertThat(tree.isSuppressed("lab1", "ping")).as("quiet does not silence its elements").isFalse();
    }
}
