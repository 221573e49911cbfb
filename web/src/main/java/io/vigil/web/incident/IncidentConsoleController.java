package io.vigil.web.incident;

import io.vigil.session.EngineCommand;
import io.vigil.store.IncidentQueries;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.RequestParams;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * The console's incident pages: the list (refreshed in place by htmx), one incident with its
 * tasks, timeline and chain back to the raw event, and the Acknowledge/Resolve buttons. A button
 * waits for the engine's answer and comes back to the incident with what happened.
 */
@Controller
class IncidentConsoleController {

    static final String LIST_VIEW = "incidents/list";
    static final String ROWS_FRAGMENT = "incidents/list :: rows";
    static final String DETAIL_VIEW = "incidents/detail";
    static final int PAGE_SIZE = 200;

    private final IncidentQueries incidents;
    private final IncidentChains chains;
    private final EngineCommands commands;

    IncidentConsoleController(IncidentQueries incidents, IncidentChains chains, EngineCommands commands) {
        this.incidents = incidents;
        this.chains = chains;
        this.commands = commands;
    }

    @GetMapping("/console/incidents")
    String list(@RequestParam(required = false) String state, Model model) {
        listModel(state, model);
        return LIST_VIEW;
    }

    @GetMapping("/console/incidents/rows")
    String rows(@RequestParam(required = false) String state, Model model) {
        listModel(state, model);
        return ROWS_FRAGMENT;
    }

    @GetMapping("/console/incidents/{id}")
    String detail(@PathVariable long id, Model model) {
        var detail = incidents.byId(id).orElseThrow(() -> RequestParams.notFound("incident", id));
        model.addAttribute("detail", detail);
        model.addAttribute("chain", chains.of(detail.incident()));
        return DETAIL_VIEW;
    }

    @PostMapping("/console/incidents/{id}/acknowledge")
    String acknowledge(@PathVariable long id, Authentication who, RedirectAttributes flash) {
        return run(id, who, EngineCommand.Acknowledge::new, "acknowledged", flash);
    }

    @PostMapping("/console/incidents/{id}/resolve")
    String resolve(@PathVariable long id, Authentication who, RedirectAttributes flash) {
        return run(id, who, EngineCommand.Resolve::new, "resolved", flash);
    }

    private String run(long id, Authentication who, BiFunction<Long, String, EngineCommand.IncidentCommand> command, String done,
                       RedirectAttributes flash) {
        try {
            commands.execute(command.apply(id, who.getName()), "incident " + id).join();
            flash.addFlashAttribute("message", "Incident " + id + " " + done + ".");
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof ResponseStatusException refused)) {
                throw e;
            }
            flash.addFlashAttribute("error", refused.getReason());
        }
        return "redirect:/console/incidents/" + id;
    }

    private void listModel(String state, Model model) {
        String stateOrNull = RequestParams.oneOf("state", state, IncidentQueries.STATES);
        model.addAttribute("state", stateOrNull);
        model.addAttribute("incidents", incidents.list(stateOrNull, null, PAGE_SIZE));
    }
}
