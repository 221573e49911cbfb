package io.vigil.web.incident;

import io.vigil.model.ResolutionCode;
import io.vigil.session.EngineCommand;
import io.vigil.web.system.ActionBody;
import io.vigil.web.system.RequestParams;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The steps and changes a person makes to one incident, by the name the API and the console use
 * ({@code POST /api/v1/incidents/{id}/snooze}), with the text fields each takes and how they become
 * an engine command. The fields are checked here, so a bad one is a 400 before the engine is asked.
 */
enum IncidentActions {
    ACKNOWLEDGE("acknowledge", "acknowledged"),
    SNOOZE("snooze", "snoozed", "for"),
    INVESTIGATE("investigate", "under investigation"),
    RESOLVE("resolve", "resolved", "code", "note"),
    CLOSE("close", "closed"),
    ASSIGN("assign", "reassigned", "assignee"),
    NOTES("notes", "noted", "text");

    /** The longest snooze: a week; escalation then resumes. */
    static final Duration MAX_SNOOZE = Duration.ofDays(7);
    /** The resolution note's column holds this much. */
    static final int MAX_RESOLUTION_NOTE = 2048;
    /** The codes a person may give; RECOVERED is the engine's own. */
    static final List<ResolutionCode> PEOPLE_CODES = Arrays.stream(ResolutionCode.values())
            .filter(code -> code != ResolutionCode.RECOVERED).toList();

    private final String path;
    private final String done;
    private final List<String> fields;

    IncidentActions(String path, String done, String... fields) {
        this.path = path;
        this.done = done;
        this.fields = List.of(fields);
    }

    String path() {
        return path;
    }

    /** What the incident is once this was done, for the console's message ("Incident 7 acknowledged."). */
    String done() {
        return done;
    }

    List<String> fields() {
        return fields;
    }

    /** The command for incident {@code id}; {@code values} holds the fields given (from a JSON body or a form). */
    EngineCommand.IncidentCommand command(long id, Map<String, String> values, String actor) {
        return switch (this) {
            case ACKNOWLEDGE -> new EngineCommand.Acknowledge(id, actor);
            case SNOOZE -> new EngineCommand.Snooze(id, RequestParams.duration("for",
                    ActionBody.required(values.get("for"), "for", path), MAX_SNOOZE), actor);
            case INVESTIGATE -> new EngineCommand.Investigate(id, actor);
            case RESOLVE -> new EngineCommand.Resolve(id, code(values.get("code")), resolutionNote(values.get("note")), actor);
            case CLOSE -> new EngineCommand.Close(id, actor);
            case ASSIGN -> new EngineCommand.AssignIncident(id, ActionBody.assignee(values.get("assignee")), actor);
            case NOTES -> new EngineCommand.NoteIncident(id, ActionBody.note(values.get("text")), actor);
        };
    }

    /** Parses the optional JSON body of this action. */
    Map<String, String> parse(String body) {
        return ActionBody.parse(body, path, fields);
    }

    static IncidentActions byPath(String path) {
        return Arrays.stream(values()).filter(a -> a.path.equals(path)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no incident action \"" + path
                        + "\" (actions: " + String.join(", ", Arrays.stream(values()).map(IncidentActions::path).toList())
                        + ")"));
    }

    /** FIXED when absent; RECOVERED refused: only the engine resolves an incident as recovered. */
    static ResolutionCode code(String value) {
        if (value == null || value.isBlank()) {
            return ResolutionCode.FIXED;
        }
        String expected = "one of " + String.join(", ", PEOPLE_CODES.stream().map(Enum::name).toList());
        String upper = value.trim().toUpperCase(Locale.ROOT);
        if (upper.equals(ResolutionCode.RECOVERED.name())) {
            throw bad("\"code\" RECOVERED is the engine's own (it resolves an incident whose problem went away by itself);"
                    + " a person resolves with " + expected);
        }
        return PEOPLE_CODES.stream().filter(code -> code.name().equals(upper)).findFirst()
                .orElseThrow(() -> bad("\"code\" has the bad value \"" + value + "\": expected " + expected));
    }

    /** The note stripped, or null when blank. */
    static String resolutionNote(String value) {
        String note = value == null ? "" : value.strip();
        if (note.length() > MAX_RESOLUTION_NOTE) {
            throw bad("\"note\" is " + note.length() + " characters long, at most " + MAX_RESOLUTION_NOTE);
        }
        return note.isEmpty() ? null : note;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
