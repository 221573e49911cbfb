package io.vigil.web.service;

import io.vigil.session.EngineCommand;
import io.vigil.web.security.ServiceAccess;
import io.vigil.web.system.EngineCommands;
import io.vigil.web.system.RequestParams;
import io.vigil.store.DowntimeQueries;
import io.vigil.store.DowntimeRow;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Schedules, lists and cancels planned downtimes for the API and the console alike. Changes go
 * through the engine (it owns the SLA books and gives downtimes their ids); each answers with the
 * stored downtime once committed.
 */
@Component
class ServiceDowntimes {

    static final int MAX_COMMENT = 1024;

    private final ServiceCatalog catalog;
    private final DowntimeQueries store;
    private final EngineCommands commands;
    private final Executor executor;

    ServiceDowntimes(ServiceCatalog catalog, DowntimeQueries store, EngineCommands commands,
                     @Qualifier("applicationTaskExecutor") Executor executor) {
        this.catalog = catalog;
        this.store = store;
        this.commands = commands;
        this.executor = executor;
    }

    CompletableFuture<DowntimeRow> schedule(String service, String start, String end, String comment,
                                                         Authentication who) {
        catalog.service(service, ServiceAccess.of(who));
        Instant from = required("start", start);
        Instant until = required("end", end);
        if (!from.isBefore(until)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "field \"end\" has the bad value \"" + end + "\": expected a time after start (" + start + ")");
        }
        String text = comment == null ? "" : comment.trim();
        if (text.length() > MAX_COMMENT) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "field \"comment\" is " + text.length() + " characters long, at most " + MAX_COMMENT + " fit");
        }
        EngineCommand.ScheduleDowntime command = new EngineCommand.ScheduleDowntime(service, from.toEpochMilli(),
                until.toEpochMilli(), text, who.getName());
        return commands.execute(command, "the downtimes of service \"" + service + "\"")
                .thenApplyAsync(done -> store.byId(done.createdId())
                        .orElseThrow(() -> new IllegalStateException("the engine confirmed downtime " + done.createdId()
                                + " but it is not stored")), executor);
    }

    /** Downtimes of the services the viewer sees; {@code service} null for all of them. */
    List<DowntimeRow> list(String service, boolean includePast, ServiceAccess access) {
        if (service != null && !service.isBlank()) {
            catalog.service(service, access);
        }
        return store.downtimes(service == null || service.isBlank() ? null : service, includePast)
                .stream().filter(d -> sees(d, access)).toList();
    }

    CompletableFuture<DowntimeRow> cancel(long id, Authentication who) {
        ServiceAccess access = ServiceAccess.of(who);
        DowntimeRow downtime = store.byId(id)
                .filter(d -> sees(d, access))
                .orElseThrow(() -> RequestParams.notFound("downtime", id));
        return commands.execute(new EngineCommand.CancelDowntime(id, who.getName()), "downtime " + id)
                .thenApplyAsync(done -> store.byId(downtime.id()).orElseThrow(), executor);
    }

    /** A downtime of a service no longer in the tree is ADMIN's only, like a service without a group. */
    private boolean sees(DowntimeRow downtime, ServiceAccess access) {
        return catalog.definition().service(downtime.service()).map(s -> access.sees(s.group())).orElse(access.all());
    }

    private static Instant required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "field \"" + field + "\" is required (an ISO-8601 time)");
        }
        try {
            return RequestParams.instant(field, value);
        } catch (ResponseStatusException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "field \"" + field + "\" has the bad value \""
                    + value + "\": expected an ISO-8601 time such as 2026-11-21T10:15:30Z");
        }
    }
}
