package io.vigil.web.audit;

import io.vigil.model.IncidentPriority;
import io.vigil.model.Status;
import io.vigil.session.Outcome;
import io.vigil.web.audit.OutcomeLines.Field;
import io.vigil.web.audit.OutcomeLines.Line;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OutcomeLinesTest {

    private static final long AT = Instant.parse("2026-11-21T10:15:30.250Z").toEpochMilli();

    @Test
    void shouldTurnAnOutcomeIntoItsKindAndFieldsWithTimesAsInstantsAndNoEmptyFields() {
        String stored = new Outcome.IncidentOpened(7, "db01", "mysql", "db01/mysql is CRITICAL", AT, 3, 12L, 40L, null,
                IncidentPriority.NORMAL, null, null).toString();

        assertThat(OutcomeLines.of(stored)).containsExactly(new Line("incident-opened", List.of(
                new Field("incidentId", "7", null), new Field("resource", "db01", null), new Field("check", "mysql", null),
                new Field("title", "db01/mysql is CRITICAL", null), new Field("at", Long.toString(AT), Instant.parse("2026-11-21T10:15:30.250Z")),
                new Field("processInstanceId", "3", null), new Field("firingId", "12", null), new Field("eventId", "40", null),
                new Field("priority", "NORMAL", null)), stored));
    }

    @Test
    void shouldKeepCommasAndBracketsInsideAValue() {
        String stored = new Outcome.ServiceStatusChanged("shop, east [eu]", Status.WARNING, Status.NORMAL, new BigDecimal("4.400"),
                BigDecimal.ZERO, AT).toString();

        assertThat(OutcomeLines.of(stored)).singleElement().satisfies(line -> {
            assertThat(line.kind()).isEqualTo("service-status-changed");
            assertThat(line.fields()).extracting(Field::name, Field::value).startsWith(
                    tuple("service", "shop, east [eu]"),
                    tuple("status", "WARNING"));
        });
    }

    @Test
    void shouldReadEveryLineAndLeaveFactChangesAsTheyAre() {
        String stored = new Outcome.DowntimeScheduled(2, "shop", AT, AT + 3_600_000, "patch", "alice", AT).toString()
                + "\ninserted incident:7 db01/mysql OPEN level 0\n(consequence did not complete)";

        List<Line> lines = OutcomeLines.of(stored);

        assertThat(lines).extracting(Line::kind).containsExactly("downtime-scheduled", null, null);
        assertThat(lines.get(0).fields()).filteredOn(f -> f.time() != null).extracting(Field::name).containsExactly("start", "end", "at");
        assertThat(lines.get(1).text()).isEqualTo("inserted incident:7 db01/mysql OPEN level 0");
        assertThat(lines.get(2).fields()).isEmpty();
    }

    @Test
    void shouldLeaveALineThatOnlyLooksLikeAnOutcomeAsItIs() {
        assertThat(OutcomeLines.of("IncidentOpened[something else]")).containsExactly(
                new Line(null, List.of(), "IncidentOpened[something else]"));
        assertThat(OutcomeLines.of("Unheard[a=1]")).extracting(Line::kind).containsExactly((String) null);
        assertThat(OutcomeLines.of("")).isEmpty();
    }
}
