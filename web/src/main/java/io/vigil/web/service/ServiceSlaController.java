package io.vigil.web.service;

import io.vigil.service.ServiceDefinition;
import io.vigil.service.sla.Compliance;
import io.vigil.service.sla.SlaSample;
import io.vigil.store.SlaQueries;
import io.vigil.store.SlaSampleRow;
import io.vigil.web.security.ServiceAccess;
import io.vigil.web.system.RequestParams;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * A service's SLA over any past range: its stored samples and their compliance, computed the way
 * the live SLA is (UNKNOWN and downtime samples left out). The range is half-open, (from, to];
 * by default the service's SLA interval up to now, i.e. the live window.
 */
@RestController
class ServiceSlaController {

    private final ServiceCatalog catalog;
    private final SlaQueries store;
    private final Clock clock;

    ServiceSlaController(ServiceCatalog catalog, SlaQueries store, Clock clock) {
        this.catalog = catalog;
        this.store = store;
        this.clock = clock;
    }

    record SlaReport(String service, Instant from, Instant to, BigDecimal limit, String compliesWhen,
                     Compliance compliance, List<SlaSampleRow> samples) {
    }

    @GetMapping("/api/v1/services/{name}/sla")
    SlaReport sla(@PathVariable String name, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, Authentication who) {
        ServiceDefinition service = catalog.service(name, ServiceAccess.of(who));
        if (service.sla() == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "service \"" + name + "\" has no sla");
        }
        Instant end = to == null || to.isBlank() ? clock.instant() : RequestParams.instant("to", to);
        Instant start = from == null || from.isBlank() ? end.minus(service.sla().interval()) : RequestParams.instant("from", from);
        if (!start.isBefore(end)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "parameter \"from\" has the bad value \"" + start
                    + "\": expected a time before \"to\" (" + end + ")");
        }
        List<SlaSampleRow> samples = store.samples(name, start, end);
        List<SlaSample> counted = samples.stream()
                .map(s -> new SlaSample(name, s.sampledAt().toEpochMilli(), null, s.outcome())).toList();
        return new SlaReport(name, start, end, service.sla().limit(), service.sla().compliesWhen().name(),
                Compliance.of(counted, service.sla().limit()), samples);
    }
}
