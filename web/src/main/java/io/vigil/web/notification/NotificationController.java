package io.vigil.web.notification;

import io.vigil.store.NotificationAttemptRow;
import io.vigil.store.NotificationLogRow;
import io.vigil.store.NotificationQueries;
import io.vigil.web.system.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The notification log: every message the engine decided to send (newest first), who it was for,
 * through which channel, and how delivery went, attempt by attempt. Read-only; the channels'
 * settings (secrets) are never shown.
 */
@RestController
@RequestMapping("/api/v1/notifications")
class NotificationController {

    private final NotificationQueries notifications;

    NotificationController(NotificationQueries notifications) {
        this.notifications = notifications;
    }

    /** @param next the URL of the next (older) page with the same filters, or null on the last page */
    record NotificationPage(List<NotificationEntry> notifications, String next) {
    }

    record NotificationWithAttempts(NotificationEntry notification, List<NotificationAttemptRow> attempts) {
    }

    /**
     * @param recipient exactly, e.g. {@code user:alice}
     * @param incident  those that carry this incident
     * @param alert     those that carry this alert
     * @param state     PENDING or SENT
     * @param before    only those older than this id (the next page)
     */
    @GetMapping
    NotificationPage list(@RequestParam(required = false) String recipient, @RequestParam(required = false) Long incident,
                          @RequestParam(required = false) Long alert, @RequestParam(required = false) String state,
                          @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        List<NotificationLogRow> page = notifications.list(NotificationFilters.of(recipient, incident, alert, state), before,
                RequestParams.limit(limit));
        String next = page.size() < limit ? null : NotificationFilters.link("/api/v1/notifications", recipient, incident, alert, state)
                .queryParam("limit", limit).queryParam("before", page.get(page.size() - 1).id())
                .encode().build().toUriString();
        return new NotificationPage(page.stream().map(NotificationEntry::of).toList(), next);
    }

    @GetMapping("/{id}")
    NotificationWithAttempts byId(@PathVariable long id) {
        return notifications.byId(id)
                .map(detail -> new NotificationWithAttempts(NotificationEntry.of(detail.notification()), detail.attempts()))
                .orElseThrow(() -> RequestParams.notFound("notification", id));
    }
}
