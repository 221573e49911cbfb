package io.vigil.web.alert;

import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Status;
import io.vigil.store.AlertDetail;
import io.vigil.store.AlertOrder;
import io.vigil.store.AlertQueries;
import io.vigil.store.AlertRow;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.IdListBody;
import io.vigil.web.system.RequestParams;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator's main screen: the live alert list (filters and order in the URL, a page of
 * {@value #PAGE_SIZE} with a link to the next, counters per state, rows kept current by
 * {@link AlertFeed}) with actions on the ticked alerts, and one alert with its history, notes and
 * the actions its state allows. An action waits for the engine and comes back to the page it was
 * sent from, saying what became of each alert.
 *
 * <p>Sorting is the store's ({@link AlertOrder}), so a page is the first {@value #PAGE_SIZE} of
 * all alerts in that order, and the next page starts after the last row shown.
 */
@Controller
class AlertConsoleController {

    static final String LIST_VIEW = "alerts/list";
    static final String DETAIL_VIEW = "alerts/detail";
    static final int PAGE_SIZE = 100;
    /** The shelving times offered; the API takes any up to {@link AlertAction#MAX_SHELVING}. */
    static final List<String> SHELVE_FOR = List.of("15m", "1h", "4h", "1d");

    private final AlertQueries alerts;
    private final AlertFeed feed;
    private final AlertPermissions permissions;
    private final EngineCommands commands;

    AlertConsoleController(AlertQueries alerts, AlertFeed feed, AlertPermissions permissions, EngineCommands commands) {
        this.alerts = alerts;
        this.feed = feed;
        this.permissions = permissions;
        this.commands = commands;
    }

    @GetMapping("/console/alerts")
    String list(@RequestParam(required = false) List<String> state, @RequestParam(required = false) String status,
                @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Long before,
                Authentication who, Model model) {
        AlertListQuery query = AlertListQuery.of(state, status, kind, q, sort, before);
        long seen = feed.version();
        List<AlertRow> rows = alerts.list(query.filter(), query.order(), before, PAGE_SIZE + 1);
        List<AlertRow> page = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        model.addAttribute("query", query);
        model.addAttribute("sort", query.sort());
        model.addAttribute("firstPage", query.firstPage());
        model.addAttribute("filter", query.filter());
        model.addAttribute("alerts", page);
        model.addAttribute("next", rows.size() > PAGE_SIZE ? query.pageAfter(page.get(page.size() - 1).id()) : null);
        model.addAttribute("stream", query.stream(seen));
        model.addAttribute("counts", alerts.countByState());
        model.addAttribute("mayAct", permissions.mayAct(who));
        model.addAttribute("states", AlertState.values());
        model.addAttribute("statuses", Status.values());
        model.addAttribute("kinds", AlertKind.values());
        model.addAttribute("orders", AlertOrder.values());
        model.addAttribute("shelveFor", SHELVE_FOR);
        model.addAttribute("pageSize", PAGE_SIZE);
        return LIST_VIEW;
    }

    /** The changes to the alerts the list with these filters shows; {@code seen} is the feed's version the page was read at. */
    @GetMapping(path = "/console/alerts/stream", produces = "text/event-stream")
    SseEmitter stream(@RequestParam(required = false) List<String> state, @RequestParam(required = false) String status,
                      @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                      @RequestParam(defaultValue = "0") long seen, Authentication who) {
        AlertListQuery query = AlertListQuery.of(state, status, kind, q, null, null);
        return feed.watch(query.filter(), permissions.mayAct(who), seen);
    }

    @GetMapping("/console/alerts/{id:\\d+}")
    String detail(@PathVariable long id, Authentication who, Model model) {
        AlertDetail detail = alerts.byId(id).orElseThrow(() -> RequestParams.notFound("alert", id));
        model.addAttribute("detail", detail);
        model.addAttribute("a", detail.alert());
        model.addAttribute("actions", Arrays.stream(AlertAction.values())
                .filter(action -> action.validIn(detail.alert().state())).map(AlertAction::path).toList());
        model.addAttribute("mayAct", permissions.mayAct(who));
        model.addAttribute("mayReadFirings", permissions.mayReadFirings(who));
        model.addAttribute("shelveFor", SHELVE_FOR);
        return DETAIL_VIEW;
    }

    /** An action on the ticked alerts of a list, back to that list as it was (filters, order, page). */
    @PostMapping("/console/alerts/{action:[a-z]+}")
    String actOnSelected(@PathVariable String action, @RequestParam(name = "ids", required = false) List<Long> ids,
                         @RequestParam Map<String, String> form, @RequestParam(required = false) List<String> state,
                         @RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                         @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                         @RequestParam(required = false) Long before, Authentication who, RedirectAttributes flash) {
        AlertAction alertAction = AlertAction.byPath(action);
        AlertListQuery back = AlertListQuery.of(state, status, kind, q, sort, before);
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("error", "Select the alerts first.");
        } else if (ids.size() > IdListBody.MAX_IDS) {
            flash.addFlashAttribute("error", "At most " + IdListBody.MAX_IDS + " alerts at once.");
        } else {
            run(alertAction, ids.stream().distinct().toList(), form, who, flash);
        }
        return "redirect:" + back.thisPage();
    }

    /** An action from one alert's page ({@code for}, {@code assignee} or {@code text} as the action needs), back to it. */
    @PostMapping("/console/alerts/{id:\\d+}/{action:[a-z]+}")
    String actOnOne(@PathVariable long id, @PathVariable String action, @RequestParam Map<String, String> form,
                    Authentication who, RedirectAttributes flash) {
        run(AlertAction.byPath(action), List.of(id), form, who, flash);
        return "redirect:/console/alerts/" + id;
    }

    private void run(AlertAction action, List<Long> ids, Map<String, String> form, Authentication who,
                     RedirectAttributes flash) {
        Map<String, String> fields = new HashMap<>();
        action.fields().stream().filter(form::containsKey).forEach(field -> fields.put(field, form.get(field)));
        ActionSummary summary;
        try {
            String subject = ids.size() == 1 ? "alert " + ids.get(0) : ids.size() + " alerts";
            summary = commands.executeEach(action.command(ids, fields, who.getName()), subject)
                    .thenApply(answers -> ActionSummary.of(action, fields, answers))
                    .exceptionally(ActionSummary::refused).join();
        } catch (ResponseStatusException badField) {
            summary = ActionSummary.refused(badField);
        }
        flash.addFlashAttribute(summary.allDone() ? "message" : "error", summary.text());
    }
}
