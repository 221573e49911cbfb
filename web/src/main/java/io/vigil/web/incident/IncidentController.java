package io.vigil.web.incident;

import io.vigil.session.CommandResult;
import io.vigil.session.EngineCommand;
import io.vigil.store.IncidentQueries;
import io.vigil.web.system.EngineCommands;
import io.vigil.store.IncidentRow;
import io.vigil.web.system.RequestParams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Incidents for operators: list, detail (tasks, timeline, chain back to the raw event), and the
 * two human steps. A step answers once the engine has executed it and its effects are committed,
 * with the incident as it now stands.
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

    @GetMapping
    Incidents list(@RequestParam(required = false) String state, @RequestParam(defaultValue = "100") int limit,
                   @RequestParam(required = false) Long before) {
        String stateOrNull = RequestParams.oneOf("state", state, IncidentQueries.STATES);
        return new Incidents(incidents.list(stateOrNull, before, RequestParams.limit(limit)));
    }

    @GetMapping("/{id}")
    IncidentView byId(@PathVariable long id) {
        return view(id);
    }

    @PostMapping("/{id}/acknowledge")
    CompletableFuture<IncidentView> acknowledge(@PathVariable long id, Authentication who) {
        return afterwards(commands.execute(new EngineCommand.Acknowledge(id, who.getName()), "incident " + id), id);
    }

    @PostMapping("/{id}/resolve")
    CompletableFuture<IncidentView> resolve(@PathVariable long id, Authentication who) {
        return afterwards(commands.execute(new EngineCommand.Resolve(id, who.getName()), "incident " + id), id);
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
