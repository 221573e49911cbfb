package io.vigil.web.alert;

import io.vigil.web.system.EngineCommands.TargetAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActionSummaryTest {

    private static final TargetAnswer DONE_7 = new TargetAnswer(7, HttpStatus.OK, null);
    private static final TargetAnswer DONE_8 = new TargetAnswer(8, HttpStatus.OK, null);

    @Test
    void shouldCountWhatWasDoneAndGiveEachRefusalsReason() {
        ActionSummary summary = ActionSummary.of(AlertAction.ACKNOWLEDGE, Map.of(), List.of(DONE_7, DONE_8,
                new TargetAnswer(9, HttpStatus.CONFLICT, "alert 9 is ACKNOWLEDGED: only an OPEN alert can be acknowledged"),
                new TargetAnswer(99, HttpStatus.NOT_FOUND, "alert 99 is not active (it does not exist or was cleared)")));

        assertThat(summary).isEqualTo(new ActionSummary("2 alerts acknowledged, 2 refused: alert 9 is ACKNOWLEDGED:"
                + " only an OPEN alert can be acknowledged; alert 99 is not active (it does not exist or was cleared)", false));
    }

    @Test
    void shouldSayForHowLongAndToWhom() {
        assertThat(ActionSummary.of(AlertAction.SHELVE, Map.of("for", " 4h"), List.of(DONE_7)))
                .isEqualTo(new ActionSummary("1 alert shelved for 4h", true));
        assertThat(ActionSummary.of(AlertAction.ASSIGN, Map.of("assignee", "carol"), List.of(DONE_7, DONE_8)))
                .isEqualTo(new ActionSummary("2 alerts assigned to carol", true));
        assertThat(ActionSummary.of(AlertAction.ASSIGN, Map.of("assignee", ""), List.of(DONE_7)).text())
                .isEqualTo("1 alert unassigned");
    }

    @Test
    void shouldGiveTheReasonOfARefusalOfTheWholeActionAndPassOtherFailuresOn() {
        ResponseStatusException busy = new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the engine did not confirm");

        assertThat(ActionSummary.refused(new CompletionException(busy)))
                .isEqualTo(new ActionSummary("the engine did not confirm", false));
        assertThat(ActionSummary.refused(busy).text()).isEqualTo("the engine did not confirm");
        IllegalStateException broken = new IllegalStateException("the engine failed");
        assertThatThrownBy(() -> ActionSummary.refused(new CompletionException(broken))).hasCause(broken);
    }
}
