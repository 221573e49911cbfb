package io.vigil.web.notification;

import io.vigil.notify.NotificationState;
import io.vigil.store.NotificationLogRow;
import io.vigil.store.NotificationQueries;
import io.vigil.web.system.RequestParams;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console's notification log: a filter form (recipient, incident, alert, state), a page of
 * {@value #PAGE_SIZE} newest first with a link to the next, and one notification with its items
 * and every delivery attempt.
 */
@Controller
class NotificationConsoleController {

    static final int PAGE_SIZE = 100;

    private final NotificationQueries notifications;

    NotificationConsoleController(NotificationQueries notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/console/notifications")
    String list(@RequestParam(required = false) String recipient, @RequestParam(required = false) Long incident,
                @RequestParam(required = false) Long alert, @RequestParam(required = false) String state,
                @RequestParam(required = false) Long before, Model model) {
        List<NotificationLogRow> rows = notifications.list(NotificationFilters.of(recipient, incident, alert, state), before,
                PAGE_SIZE + 1);
        List<NotificationLogRow> page = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        model.addAttribute("recipient", recipient);
        model.addAttribute("incident", incident);
        model.addAttribute("alert", alert);
        model.addAttribute("state", state == null ? "" : state.toUpperCase(Locale.ROOT));
        model.addAttribute("states", NotificationFilters.STATES);
        model.addAttribute("notifications", page.stream().map(NotificationEntry::of).toList());
        Map<NotificationState, Long> counts = notifications.countByState();
        model.addAttribute("pending", counts.get(NotificationState.PENDING));
        model.addAttribute("sent", counts.get(NotificationState.SENT));
        model.addAttribute("next", rows.size() > PAGE_SIZE ? NotificationFilters.link("/console/notifications", recipient, incident, alert, state)
                .queryParam("before", page.get(page.size() - 1).id()).encode().build().toUriString() : null);
        return "notifications/list";
    }

    @GetMapping("/console/notifications/{id}")
    String detail(@PathVariable long id, Model model) {
        var detail = notifications.byId(id).orElseThrow(() -> RequestParams.notFound("notification", id));
        model.addAttribute("n", NotificationEntry.of(detail.notification()));
        model.addAttribute("attempts", detail.attempts());
        return "notifications/detail";
    }
}
