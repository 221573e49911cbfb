package io.vigil.web.alert;

import io.vigil.web.system.EngineCommands.TargetAnswer;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an action from the console did, in one sentence for the page it returns to: "3 alerts
 * acknowledged, 1 refused: alert 9 is ACKNOWLEDGED: only an OPEN alert can be acknowledged".
 *
 * @param refused how many the engine refused (or did not find)
 */
record ActionSummary(String text, int refused) {

    static ActionSummary of(AlertAction action, Map<String, String> fields, List<TargetAnswer> answers) {
        List<TargetAnswer> refusals = answers.stream().filter(a -> a.status() != HttpStatus.OK).toList();
        int done = answers.size() - refusals.size();
        String text = done + (done == 1 ? " alert " : " alerts ") + outcome(action, fields);
        if (!refusals.isEmpty()) {
            text += ", " + refusals.size() + " refused: "
                    + refusals.stream().map(TargetAnswer::reason).collect(Collectors.joining("; "));
        }
        return new ActionSummary(text, refusals.size());
    }

    private static String outcome(AlertAction action, Map<String, String> fields) {
        return switch (action) {
            case ACKNOWLEDGE -> "acknowledged";
            case UNACKNOWLEDGE -> "unacknowledged";
            case SHELVE -> "shelved for " + fields.get("for").trim();
            case UNSHELVE -> "unshelved";
            case ASSIGN -> fields.get("assignee").isBlank() ? "unassigned" : "assigned to " + fields.get("assignee").trim();
            case NOTES -> "annotated";
            case CLEAR -> "cleared";
        };
    }
}
