package io.vigil.web.alert;

import io.vigil.model.AlertState;
import io.vigil.session.EngineCommand;
import io.vigil.web.system.ActionBody;
import io.vigil.web.system.RequestParams;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What an operator can do to alerts, by the name the API and the console use ({@code POST
 * /api/v1/alerts/{id}/assign}, {@code POST /api/v1/alerts/assign}), with the text field each one
 * takes besides the ids, and how it becomes an engine command.
 */
enum AlertAction {
    ACKNOWLEDGE("acknowledge", null),
    UNACKNOWLEDGE("unacknowledge", null),
    SHELVE("shelve", "for"),
    UNSHELVE("unshelve", null),
    ASSIGN("assign", "assignee"),
    NOTES("notes", "text"),
    CLEAR("clear", null);

    /** The longest shelving: a month; what must stay quiet longer wants a silence. */
    static final Duration MAX_SHELVING = Duration.ofDays(30);

    private final String path;
    private final String field;

    AlertAction(String path, String field) {
        this.path = path;
        this.field = field;
    }

    String path() {
        return path;
    }

    /** The one text field the action takes ("for", "assignee", "text"), or null. */
    String field() {
        return field;
    }

    List<String> fields() {
        return field == null ? List.of() : List.of(field);
    }

    /**
     * Whether the action can succeed on an alert in {@code state}, as the engine's alert desk
     * decides: acknowledging wants OPEN, unacknowledging ACKNOWLEDGED, unshelving SHELVED; the
     * others take any active alert (shelving a shelved one moves its end). Nothing acts on a
     * cleared alert.
     */
    boolean validIn(AlertState state) {
        return switch (this) {
            case ACKNOWLEDGE -> state == AlertState.OPEN;
            case UNACKNOWLEDGE -> state == AlertState.ACKNOWLEDGED;
            case UNSHELVE -> state == AlertState.SHELVED;
            case SHELVE, ASSIGN, NOTES, CLEAR -> state != AlertState.CLEARED;
        };
    }

    static AlertAction byPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no alert action \"" + path
                        + "\" (actions: " + String.join(", ", Arrays.stream(values()).map(AlertAction::path).toList())
                        + ")"));
    }

    /** The command for {@code ids}; {@code fields} holds the action's field when one was given. */
    EngineCommand command(List<Long> ids, Map<String, String> fields, String actor) {
        String value = field == null ? null : fields.get(field);
        return switch (this) {
            case ACKNOWLEDGE -> new EngineCommand.AcknowledgeAlerts(ids, actor);
            case UNACKNOWLEDGE -> new EngineCommand.UnacknowledgeAlerts(ids, actor);
            case SHELVE -> new EngineCommand.ShelveAlerts(ids, RequestParams.duration("for", required(value),
                    MAX_SHELVING), actor);
            case UNSHELVE -> new EngineCommand.UnshelveAlerts(ids, actor);
            case ASSIGN -> new EngineCommand.AssignAlerts(ids, assignee(value), actor);
            case NOTES -> new EngineCommand.NoteAlerts(ids, note(value), actor);
            case CLEAR -> new EngineCommand.ClearAlerts(ids, actor);
        };
    }

    private String required(String value) {
        return ActionBody.required(value, field, path);
    }

    /** A user name, or "" to take the assignment back. */
    private String assignee(String value) {
        return ActionBody.assignee(required(value));
    }

    private String note(String value) {
        return ActionBody.note(required(value));
    }
}
