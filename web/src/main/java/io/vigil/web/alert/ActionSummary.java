package io.vigil.web.alert;

import io.vigil.web.system.EngineCommands.TargetAnswer;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * What an action from the console did, in one sentence for the page it returns to: "3 alerts
 * acknowledged, 1 refused: alert 9 is ACKNOWLEDGED: only an OPEN alert can be acknowledged".
 *
 * @param allDone whether every alert asked for was changed
 */
record ActionSummary(String text, boolean allDone) {

    static ActionSummary of(AlertAction action, Map<String, String> fields, List<TargetAnswer> answers) {
        List<TargetAnswer> refusals = answers.stream().filter(a -> a.status() != HttpStatus.OK).toList();
        int done = answers.size() - refusals.size();
        String text = done + (done == 1 ? " alert " : " alerts ") + outcome(action, fields);
        if (!refusals.isEmpty()) {
            text += ", " + refusals.size() + " refused: "
                    + refusals.stream().map(TargetAnswer::reason).collect(Collectors.joining("; "));
        }
        return new ActionSummary(text, refusals.isEmpty());
    }

    /**
     * The action refused as a whole — a bad field, the engine not answering in time — with its
     * reason. Any other failure is not a refusal and goes on up.
     */
    static ActionSummary refused(Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof ResponseStatusException refusal) {
            return new ActionSummary(refusal.getReason(), false);
        }
        throw failure instanceof RuntimeException unchecked ? unchecked : new CompletionException(failure);
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
