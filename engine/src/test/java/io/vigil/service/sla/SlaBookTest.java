package io.vigil.service.sla;

import io.vigil.service.ServiceTree;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import io.vigil.testing.service.JavaSerialization;
import io.vigil.testing.service.ServiceFixtures;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class SlaBookTest {

    private static final long T0 = Instant.parse("2026-01-05T10:00:00Z").toEpochMilli();
    private static final long PERIOD = Duration.ofMinutes(5).toMillis();
    /** The seed's table: compliance at t1 .. t18 when sample 6 fails (interval 1 h, sample 5 min). */
    private static final List<String> SEED_TABLE = List.of("100", "100", "100", "100", "100", "83.33", "85.71",
            "87.5", "88.89", "90", "90.91", "91.67", "91.67", "91.67", "91.67", "91.67", "91.67", "100");

    /** The same table with sample 6 in a planned downtime: left out until it leaves the window at t18. */
    private static final List<Long> COUNTED_AROUND_DOWNTIME = List.of(1L, 2L, 3L, 4L, 5L, 5L, 6L, 7L, 8L, 9L, 10L, 11L,
            11L, 11L, 11L, 11L, 11L, 12L);

    private final ServiceTree tree = ServiceFixtures.tree("sla");
    private final SlaBook book = new SlaBook(tree.definition(), T0);

    @Test
    void shouldMatchTheSeedTableSampleBySample() {
        List<SlaStatusChange> changes = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            tree.elementChanged("web01", "http", i == 6 ? CRITICAL : NORMAL);
            changes.addAll(book.advanceTo(t(i), tree::status).changes());

            Compliance compliance = book.view("webshop").orElseThrow().compliance();
            assertThat(compliance.percent()).as("compliance at t%d", i).isEqualByComparingTo(SEED_TABLE.get(i - 1));
            assertThat(compliance.counted()).as("samples in the window at t%d", i).isEqualTo(Math.min(i, 12));
        }
        assertThat(changes).filteredOn(c -> c.service().equals("webshop")).containsExactly(
                new SlaStatusChange("webshop", t(1), SlaStatus.NOT_AVAILABLE, SlaStatus.OK, new BigDecimal("100.00")),
                new SlaStatusChange("webshop", t(6), SlaStatus.OK, SlaStatus.INCORRECT, new BigDecimal("83.33")),
                new SlaStatusChange("webshop", t(18), SlaStatus.INCORRECT, SlaStatus.OK, new BigDecimal("100.00")));
    }

    @Test
    void shouldLeaveOutSamplesInAPlannedDowntime() {
        book.addDowntime(1, new PlannedDowntime(t(6), t(7), "webshop", "switch firmware"));
        List<SlaSample> taken = new ArrayList<>();
        for (int i = 1; i <= 18; i++) {
            tree.elementChanged("web01", "http", i == 6 ? CRITICAL : NORMAL);
            taken.addAll(book.advanceTo(t(i), tree::status).samples());

            Compliance compliance = book.view("webshop").orElseThrow().compliance();
            assertThat(compliance.percent()).as("compliance at t%d", i).isEqualByComparingTo("100");
            assertThat(compliance.status()).isEqualTo(SlaStatus.OK);
            assertThat(compliance.counted()).as("counted at t%d", i).isEqualTo(COUNTED_AROUND_DOWNTIME.get(i - 1));
        }
        assertThat(taken).filteredOn(s -> s.service().equals("webshop") && s.at() == t(6))
                .containsExactly(new SlaSample("webshop", t(6), CRITICAL, SampleOutcome.DOWNTIME));
        assertThat(book.downtimes()).as("over, so forgotten").isEmpty();
    }

    @Test
    void shouldLeaveOutUnknownSamplesAndBeNotAvailableWithoutAnyCounted() {
        SlaUpdate update = book.advanceTo(t(3), tree::status);

        assertThat(update.samples()).filteredOn(s -> s.service().equals("webshop")).extracting(SlaSample::at,
                SlaSample::outcome).containsExactly(
                        tuple(t(1), SampleOutcome.UNKNOWN), tuple(t(2), SampleOutcome.UNKNOWN),
                        tuple(t(3), SampleOutcome.UNKNOWN));
        assertThat(update.changes()).isEmpty();
        assertThat(book.view("webshop").orElseThrow().compliance())
                .isEqualTo(new Compliance(0, 0, null, SlaStatus.NOT_AVAILABLE));
    }

    @Test
    void shouldGiveEachSampleTheComplianceRightAfterIt() {
        tree.elementChanged("web01", "http", NORMAL);
        book.advanceTo(t(1), tree::status);
        tree.elementChanged("web01", "http", CRITICAL);

        SlaUpdate update = book.advanceTo(t(3), tree::status);

        assertThat(update.taken()).filteredOn(s -> s.sample().service().equals("webshop"))
                .extracting(s -> s.sample().at(), s -> s.compliance().percent())
                .containsExactly(tuple(t(2), new BigDecimal("50.00")), tuple(t(3), new BigDecimal("33.33")));
    }

    @Test
    void shouldCancelADowntimeByItsId() {
        book.addDowntime(7, new PlannedDowntime(t(3), t(4), "webshop", "upgrade"));

        assertThat(book.removeDowntime(8)).isEmpty();
        assertThat(book.removeDowntime(7)).contains(new PlannedDowntime(t(3), t(4), "webshop", "upgrade"));
        assertThat(book.downtimes()).isEmpty();
    }

    @Test
    void shouldCountWarningAsComplyingWhenAskedTo() {
        tree.elementChanged("intra1", "http", WARNING);
        book.advanceTo(t(1), tree::status);
        tree.elementChanged("intra1", "http", CRITICAL);
        book.advanceTo(t(2), tree::status);

        assertThat(book.view("intranet").orElseThrow().compliance())
                .isEqualTo(new Compliance(1, 2, new BigDecimal("50.00"), SlaStatus.INCORRECT));
        assertThat(book.view("backoffice")).as("no sla").isEmpty();
        assertThat(book.views()).extracting(SlaView::service).containsExactly("webshop", "intranet");
    }

    @Test
    void shouldTakeNoSampleBeforeItsTimeAndEachOnlyOnce() {
        assertThat(book.advanceTo(t(1) - 1, tree::status).isEmpty()).isTrue();
        assertThat(book.advanceTo(t(1), tree::status).samples()).hasSize(2);
        assertThat(book.advanceTo(t(1) + PERIOD - 1, tree::status).isEmpty()).isTrue();
    }

    @Test
    void shouldSkipSamplesThatCouldNeverBeInTheWindowAfterALongPause() {
        tree.elementChanged("web01", "http", NORMAL);

        SlaUpdate update = book.advanceTo(T0 + Duration.ofDays(1).toMillis(), tree::status);

        assertThat(update.samples()).filteredOn(s -> s.service().equals("webshop")).hasSize(12);
        assertThat(book.view("webshop").orElseThrow().compliance().counted()).isEqualTo(12);
    }

    @Test
    void shouldKeepTheWindowOfAServiceWhoseSettingsDidNotChange() {
        tree.elementChanged("web01", "http", CRITICAL);
        tree.elementChanged("intra1", "http", CRITICAL);
        book.advanceTo(t(1), tree::status);

        ServiceTreeDefinition changed = ServiceTreeParser.parseYaml(ServiceFixtures.text("sla.yml")
                .replace("limit: 90", "limit: 80"));
        book.redefine(changed, t(1));

        assertThat(book.view("webshop").orElseThrow().compliance().counted()).isEqualTo(1);
        assertThat(book.view("intranet").orElseThrow().compliance().counted()).isZero();
        assertThat(book.view("intranet").orElseThrow().settings().limit()).isEqualByComparingTo("80");
    }

    @Test
    void shouldCarryOnAfterJavaSerializationAsTheSessionMarshallerDoes() {
        tree.elementChanged("web01", "http", CRITICAL);
        book.advanceTo(t(1), tree::status);
        book.addDowntime(1, new PlannedDowntime(t(3), t(4), "webshop", ""));

        SlaBook restored = JavaSerialization.roundTrip(book);
        tree.elementChanged("web01", "http", NORMAL);
        restored.advanceTo(t(4), tree::status);

        assertThat(restored.view("webshop").orElseThrow().compliance())
                .isEqualTo(new Compliance(2, 3, new BigDecimal("66.67"), SlaStatus.INCORRECT));
    }

    @Test
    void shouldComputeCompliancePerSampleOfAStoredRange() {
        List<SlaSample> stored = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            tree.elementChanged("web01", "http", i == 20 ? CRITICAL : NORMAL);
            stored.addAll(book.advanceTo(t(i), tree::status).samples());
        }
        stored.removeIf(s -> !s.service().equals("webshop"));

        assertThat(Compliance.of(stored, new BigDecimal("95")))
                .as("19 of 20 is exactly 95 %, which meets the limit")
                .isEqualTo(new Compliance(19, 20, new BigDecimal("95.00"), SlaStatus.OK));
        assertThat(Compliance.of(stored, new BigDecimal("95.001")).status()).isEqualTo(SlaStatus.INCORRECT);
    }

    private static long t(int sample) {
        return T0 + sample * PERIOD;
    }
}
