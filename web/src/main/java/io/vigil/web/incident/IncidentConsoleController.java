package io.vigil.web.incident;

import io.vigil.model.Status;
import io.vigil.session.EngineCommand;
import io.vigil.store.IncidentDetail;
import io.vigil.store.IncidentQueries;
import io.vigil.store.IncidentTaskRow;
import io.vigil.store.NotificationFilter;
import io.vigil.store.NotificationQueries;
import io.vigil.web.system.ConsoleRefusals;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.IdListBody;
import io.vigil.web.system.RequestParams;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The console's incident pages: the list (filtered by state and by the status the element has
 * now, refreshed in place by htmx, with check boxes to resolve several at once), one incident with
 * its process diagram (the current step marked), tasks, timeline, the notifications it sent, the
 * chain back to the raw event, and a form for each step that applies now. A form waits for the
 * engine's answer and comes back to the page with what happened.
 */
@Controller
class IncidentConsoleController {

    static final String LIST_VIEW = "incidents/list";
    static final String ROWS_FRAGMENT = "incidents/list :: rows";
    static final String DETAIL_VIEW = "incidents/detail";
    static final int PAGE_SIZE = 200;
    static final int NOTIFICATIONS_SHOWN = 100;

    private final IncidentQueries incidents;
    private final IncidentChains chains;
    private final EngineCommands commands;
    private final NotificationQueries notifications;

    IncidentConsoleController(IncidentQueries incidents, IncidentChains chains, EngineCommands commands,
                              NotificationQueries notifications) {
        this.incidents = incidents;
        this.chains = chains;
        this.commands = commands;
        this.notifications = notifications;
    }

    @GetMapping("/console/incidents")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String currentStatus,
                Model model) {
        listModel(state, currentStatus, model);
        return LIST_VIEW;
    }

    @GetMapping("/console/incidents/rows")
    String rows(@RequestParam(required = false) String state, @RequestParam(required = false) String currentStatus,
                Model model) {
        listModel(state, currentStatus, model);
        return ROWS_FRAGMENT;
    }

    @GetMapping("/console/incidents/{id}")
    String detail(@PathVariable long id, Model model) {
        IncidentDetail detail = incidents.byId(id).orElseThrow(() -> RequestParams.notFound("incident", id));
        model.addAttribute("detail", detail);
        String waitingFor = detail.tasks().stream().filter(t -> t.state().equals("OPEN"))
                .map(IncidentTaskRow::name).findFirst().orElse(null);
        model.addAttribute("steps", IncidentSteps.of(detail.incident(), waitingFor));
        model.addAttribute("codes", IncidentActions.PEOPLE_CODES);
        model.addAttribute("chain", chains.of(detail.incident()));
        model.addAttribute("notifications", notifications.list(
                new NotificationFilter(null, id, null, null), null, NOTIFICATIONS_SHOWN));
        return DETAIL_VIEW;
    }

    /**
     * A step or change from the incident page's forms ({@code acknowledge}, {@code snooze} with
     * "for", {@code investigate}, {@code resolve} with "code" and "note", {@code close}, {@code assign}
     * with "assignee", {@code notes} with "text"): back to the page saying what happened or why not.
     */
    @PostMapping("/console/incidents/{id:\\d+}/{action}")
    String act(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form,
               Authentication who, RedirectAttributes flash) {
        IncidentActions incidentAction = IncidentActions.byPath(action);
        ConsoleRefusals.flash(flash, "Incident " + id + " " + incidentAction.done() + ".", () -> commands.execute(
                incidentAction.command(id, form, who.getName()), "incident " + id).join());
        return "redirect:/console/incidents/" + id;
    }

    /** "Resolve selected": back to the list as it was filtered, saying what was resolved and what was not, and why. */
    @PostMapping("/console/incidents/resolve")
    String resolveSelected(@RequestParam(name = "ids", required = false) List<Long> ids,
                           @RequestParam(required = false) String state, @RequestParam(required = false) String currentStatus,
                           Authentication who, RedirectAttributes flash) {
        String back = UriComponentsBuilder.fromPath("/console/incidents")
                .queryParamIfPresent("state", Optional.ofNullable(IncidentFilters.state(state)))
                .queryParamIfPresent("currentStatus", Optional.ofNullable(IncidentFilters.currentStatus(currentStatus)))
                .build().toUriString();
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("error", "Select the incidents to resolve first.");
            return "redirect:" + back;
        }
        if (ids.size() > IdListBody.MAX_IDS) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "at most " + IdListBody.MAX_IDS + " incidents at once");
        }
        List<EngineCommands.TargetAnswer> answers = commands.executeEach(
                new EngineCommand.ResolveIncidents(ids.stream().distinct().toList(), who.getName()), ids.size() + " incidents").join();
        List<EngineCommands.TargetAnswer> refused = answers.stream().filter(a -> a.status() != HttpStatus.OK).toList();
        int resolved = answers.size() - refused.size();
        if (resolved > 0) {
            flash.addFlashAttribute("message", "Resolved " + resolved + (resolved == 1 ? " incident." : " incidents."));
        }
        if (!refused.isEmpty()) {
            flash.addFlashAttribute("error", "Not resolved: " + refused.stream().map(EngineCommands.TargetAnswer::reason)
                    .collect(Collectors.joining("; ")) + ".");
        }
        return "redirect:" + back;
    }

    private void listModel(String state, String currentStatus, Model model) {
        String stateOrNull = IncidentFilters.state(state);
        Status currentOrNull = IncidentFilters.currentStatus(currentStatus);
        model.addAttribute("state", stateOrNull);
        model.addAttribute("currentStatus", currentOrNull == null ? null : currentOrNull.name());
        model.addAttribute("statuses", IncidentFilters.STATUSES);
        model.addAttribute("incidents", incidents.list(stateOrNull, currentOrNull, null, PAGE_SIZE));
    }
}
