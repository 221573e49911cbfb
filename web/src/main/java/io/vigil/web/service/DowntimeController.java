package io.vigil.web.service;

import io.vigil.web.security.ServiceAccess;
import io.vigil.store.DowntimeRow;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Planned downtimes of services: SLA samples inside one are left out. */
@RestController
class DowntimeController {

    private final ServiceDowntimes downtimes;

    DowntimeController(ServiceDowntimes downtimes) {
        this.downtimes = downtimes;
    }

    record NewDowntime(String start, String end, String comment) {
    }

    record Downtimes(List<DowntimeRow> downtimes) {
    }

    @PostMapping("/api/v1/services/{name}/downtimes")
    @ResponseStatus(HttpStatus.CREATED)
    CompletableFuture<DowntimeRow> schedule(@PathVariable String name, @RequestBody NewDowntime request,
                                                         Authentication who) {
        return downtimes.schedule(name, request.start(), request.end(), request.comment(), who);
    }

    @GetMapping("/api/v1/downtimes")
    Downtimes list(@RequestParam(required = false) String service, @RequestParam(defaultValue = "false") boolean past,
                   Authentication who) {
        return new Downtimes(downtimes.list(service, past, ServiceAccess.of(who)));
    }

    @DeleteMapping("/api/v1/downtimes/{id}")
    CompletableFuture<DowntimeRow> cancel(@PathVariable long id, Authentication who) {
        return downtimes.cancel(id, who);
    }
}
