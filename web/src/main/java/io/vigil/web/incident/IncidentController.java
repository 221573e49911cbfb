package io.vigil.web.incident;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.store.IncidentQueries;
import io.vigil.store.IncidentRow;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.IdListBody;
import io.vigil.web.system.RequestParams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Incidents for operators: list, detail (tasks, timeline, chain back to the raw event), the
 * human steps, and resolving many at once. A step answers once the engine has executed it and its
 * effects are committed, with the incident as it now stands; a bulk resolve with what became of
 * each incident. The steps follow the ITSM process: acknowledge (or snooze), investigate, resolve
 * with a resolution code, close; assign and notes besides.
 */
@RestController
@RequestMapping("/api/v1/incidents")
class IncidentController {

    private final IncidentQueries incidents;
    private final IncidentChains chains;
    private final EngineCommands commands;
    private final Executor executor;

    IncidentController(IncidentQueries incidents, IncidentChains chains, EngineCommands commands,
                       @Qualifier("applicationTaskExecutor") Executor executor) {
        this.incidents = incidents;
        this.chains = chains;
        this.commands = commands;
        this.executor = executor;
    }

    record Incidents(List<IncidentRow> incidents) {
    }

    /**
     * What a bulk resolve did: how many incidents it resolved, and per id (in the order sent)
     * {@code resolved}, {@code not-found} or {@code conflict} with the reason.
     */
    record Resolution(int resolved, int refused, List<Result> results) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Result(long id, String result, String reason) {
        }

        static Resolution of(List<EngineCommands.TargetAnswer> answers) {
            List<Result> results = answers.stream().map(a -> new Result(a.id(), word(a.status()), a.reason())).toList();
            int resolved = (int) answers.stream().filter(a -> a.status() == HttpStatus.OK).count();
            return new Resolution(resolved, answers.size() - resolved, results);
        }

        private static String word(HttpStatus status) {
            return switch (status) {
                case OK -> "resolved";
                case NOT_FOUND -> "not-found";
                default -> "conflict";
            };
        }
    }

    @GetMapping
    Incidents list(@RequestParam(required = false) String state, @RequestParam(required = false) String currentStatus,
                   @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        return new Incidents(incidents.list(IncidentFilters.state(state), IncidentFilters.currentStatus(currentStatus), before,
                RequestParams.limit(limit)));
    }

    /** Resolves up to 1000 incidents; one still waiting for Acknowledge is acknowledged by the same person first. */
    @PostMapping(path = "/resolve", consumes = MediaType.APPLICATION_JSON_VALUE)
    CompletableFuture<Resolution> resolveAll(@RequestBody(required = false) String body, Authentication who) {
        List<Long> ids = IdListBody.parse(body, "incident");
        return commands.executeEach(new EngineCommand.ResolveIncidents(ids, who.getName()), ids.size() + " incidents")
                .thenApply(Resolution::of);
    }

    @GetMapping("/{id}")
    IncidentView byId(@PathVariable long id) {
        return view(id);
    }

    @PostMapping("/{id}/acknowledge")
    CompletableFuture<IncidentView> acknowledge(@PathVariable long id, Authentication who) {
        return act(id, IncidentActions.ACKNOWLEDGE, null, who);
    }

    /** Acknowledges for a while, body {@code {"for": "30m"}} (up to 7d); escalation resumes when it runs out. */
    @PostMapping("/{id}/snooze")
    CompletableFuture<IncidentView> snooze(@PathVariable long id, @RequestBody(required = false) String body, Authentication who) {
        return act(id, IncidentActions.SNOOZE, body, who);
    }

    /** Starts the investigation, acknowledging first if nobody has. */
    @PostMapping("/{id}/investigate")
    CompletableFuture<IncidentView> investigate(@PathVariable long id, Authentication who) {
        return act(id, IncidentActions.INVESTIGATE, null, who);
    }

    /**
     * Resolves, walking the steps before Resolve; optional body {@code {"code": "WORKAROUND", "note": "..."}}
     * (code FIXED when absent; RECOVERED is the engine's own and refused).
     */
    @PostMapping("/{id}/resolve")
    CompletableFuture<IncidentView> resolve(@PathVariable long id, @RequestBody(required = false) String body, Authentication who) {
        return act(id, IncidentActions.RESOLVE, body, who);
    }

    /** Closes a resolved incident; its process ends. */
    @PostMapping("/{id}/close")
    CompletableFuture<IncidentView> close(@PathVariable long id, Authentication who) {
        return act(id, IncidentActions.CLOSE, null, who);
    }

    /** Body {@code {"assignee": "bob"}}; null or blank takes the assignment back. */
    @PostMapping("/{id}/assign")
    CompletableFuture<IncidentView> assign(@PathVariable long id, @RequestBody(required = false) String body, Authentication who) {
        return act(id, IncidentActions.ASSIGN, body, who);
    }

    /** Adds a note to the timeline, body {@code {"text": "..."}} (1 to 2000 characters). */
    @PostMapping("/{id}/notes")
    CompletableFuture<IncidentView> note(@PathVariable long id, @RequestBody(required = false) String body, Authentication who) {
        return act(id, IncidentActions.NOTES, body, who);
    }

    private CompletableFuture<IncidentView> act(long id, IncidentActions action, String body, Authentication who) {
        EngineCommand command = action.command(id, action.parse(body), who.getName());
        return afterwards(commands.execute(command, "incident " + id), id);
    }

    /** Reads the incident once the command is committed, off the writer thread that completes the command. */
    private CompletableFuture<IncidentView> afterwards(CompletableFuture<CommandResult> command, long id) {
        return command.thenApplyAsync(done -> view(id), executor);
    }

    private IncidentView view(long id) {
        return incidents.byId(id)
                .map(detail -> IncidentView.of(detail, chains.of(detail.incident())))
                .orElseThrow(() -> RequestParams.notFound("incident", id));
    }
}
