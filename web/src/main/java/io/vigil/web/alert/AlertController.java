package io.vigil.web.alert;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vigil.model.AlertKind;
import io.vigil.model.AlertState;
import io.vigil.model.Status;
import io.vigil.store.AlertDetail;
import io.vigil.store.AlertFilter;
import io.vigil.store.AlertQueries;
import io.vigil.store.AlertRow;
import io.vigil.web.system.ActionBody;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.IdListBody;
import io.vigil.web.system.RequestParams;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Alerts for operators: the list (filters, keyset paging), one alert with its history, and the
 * actions ({@link AlertAction}) on one alert or many. An action answers once the engine has run it
 * and its effects are committed: on one alert with the alert as it now stands, on many with what
 * became of each.
 */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private static final Set<String> STATES = Arrays.stream(AlertState.values()).map(Enum::name)
            .collect(Collectors.toSet());
    private static final Set<String> STATUSES = Arrays.stream(Status.values()).map(Enum::name)
            .collect(Collectors.toSet());
    private static final Set<String> KINDS = Arrays.stream(AlertKind.values()).map(Enum::name)
            .collect(Collectors.toSet());

    private final AlertQueries alerts;
    private final EngineCommands commands;
    private final Executor executor;

    AlertController(AlertQueries alerts, EngineCommands commands,
                    @Qualifier("applicationTaskExecutor") Executor executor) {
        this.alerts = alerts;
        this.commands = commands;
        this.executor = executor;
    }

    /** @param next the URL of the next (older) page with the same filters, or null on the last page */
    record AlertPage(List<AlertRow> alerts, String next) {
    }

    /**
     * What an action on many alerts did: how many it changed, and per id (in the order sent)
     * {@code done}, {@code not-found} or {@code conflict} with the reason.
     */
    record BulkAnswer(int done, int refused, List<Result> results) {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        record Result(long id, String result, String reason) {
        }

        static BulkAnswer of(List<EngineCommands.TargetAnswer> answers) {
            List<Result> results = answers.stream().map(a -> new Result(a.id(), word(a.status()), a.reason())).toList();
            int done = (int) answers.stream().filter(a -> a.status() == HttpStatus.OK).count();
            return new BulkAnswer(done, answers.size() - done, results);
        }

        private static String word(HttpStatus status) {
            return switch (status) {
                case OK -> "done";
                case NOT_FOUND -> "not-found";
                default -> "conflict";
            };
        }
    }

    /**
     * @param state  comma-separated states; the active ones (OPEN, ACKNOWLEDGED, SHELVED) when absent
     * @param status comma-separated statuses
     * @param q      text the key, resource, check, service or message contains
     */
    @GetMapping
    AlertPage list(@RequestParam(required = false) String state, @RequestParam(required = false) String status,
                   @RequestParam(required = false) String kind, @RequestParam(required = false) String q,
                   @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) Long before) {
        AlertFilter filter = filter(state, status, kind, q);
        List<AlertRow> page = alerts.list(filter, before, RequestParams.limit(limit));
        String next = page.size() < limit ? null : AlertLinks.nextPage(state, status, kind, q, limit,
                page.get(page.size() - 1).id());
        return new AlertPage(page, next);
    }

    static AlertFilter filter(String state, String status, String kind, String q) {
        String oneKind = RequestParams.oneOf("kind", kind, KINDS);
        return new AlertFilter(RequestParams.eachOneOf("state", state, STATES).stream().map(AlertState::valueOf)
                .collect(Collectors.toSet()),
                RequestParams.eachOneOf("status", status, STATUSES).stream().map(Status::valueOf).collect(Collectors.toSet()),
                oneKind == null ? null : AlertKind.valueOf(oneKind), q);
    }

    @GetMapping("/{id}")
    AlertDetail byId(@PathVariable long id) {
        return detail(id);
    }

    /**
     * An action on one alert: {@code acknowledge}, {@code unacknowledge}, {@code shelve?for=30m},
     * {@code unshelve}, {@code assign} (body {@code {"assignee": "bob"}}, "" to unassign), {@code notes}
     * (body {@code {"text": "..."}}) or {@code clear}.
     */
    @PostMapping("/{id:\\d+}/{action}")
    CompletableFuture<AlertDetail> act(@PathVariable long id, @PathVariable String action,
                                       @RequestParam(name = "for", required = false) String shelveFor,
                                       @RequestBody(required = false) String body, Authentication who) {
        AlertAction alertAction = AlertAction.byPath(action);
        Map<String, String> fields = new HashMap<>(ActionBody.parse(body, alertAction.path(), alertAction.fields()));
        if (shelveFor != null) {
            fields.put("for", shelveFor);
        }
        return commands.executeEach(alertAction.command(List.of(id), fields, who.getName()), "alert " + id)
                .thenApplyAsync(answers -> {
                    EngineCommands.TargetAnswer answer = answers.get(0);
                    if (answer.status() != HttpStatus.OK) {
                        throw new ResponseStatusException(answer.status(), answer.reason());
                    }
                    return detail(id);
                }, executor);
    }

    /** An action on up to 1000 alerts: body {@code {"ids": [...]}} plus the action's field ("for", "assignee", "text"). */
    @PostMapping("/{action:[a-z]+}")
    CompletableFuture<BulkAnswer> actOnMany(@PathVariable String action, @RequestBody(required = false) String body,
                                            Authentication who) {
        AlertAction alertAction = AlertAction.byPath(action);
        IdListBody request = IdListBody.parse(body, "alert", alertAction.fields());
        return commands.executeEach(alertAction.command(request.ids(), request.fields(), who.getName()),
                request.ids().size() + " alerts").thenApply(BulkAnswer::of);
    }

    private AlertDetail detail(long id) {
        return alerts.byId(id).orElseThrow(() -> RequestParams.notFound("alert", id));
    }
}
