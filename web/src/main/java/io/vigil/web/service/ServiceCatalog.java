package io.vigil.web.service;

import io.vigil.model.Status;
import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeParser;
import io.vigil.service.Weights;
import io.vigil.service.sla.SlaStatus;
import io.vigil.store.ElementStatusQueries;
import io.vigil.store.ElementStatusRow;
import io.vigil.store.ServiceQueries;
import io.vigil.store.ServiceStatusRow;
import io.vigil.web.security.ServiceAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The services someone may see, as defined (the stored document) and as they stand (stored
 * statuses). A service of a group the viewer lacks is answered like one that does not exist, so
 * its name does not leak. The parsed definition is kept until the stored version changes.
 */
@Component
class ServiceCatalog {

    /** One line of the services list: Pandora's columns. */
    public record ServiceRow(String name, String description, String group, String mode, BigDecimal warning,
                      BigDecimal critical, BigDecimal value, Status status, BigDecimal slaCompliance, SlaStatus slaStatus) {
    }

    /**
     * One element of a service with its current state.
     *
     * @param weights  manual and auto mode; null in simple mode
     * @param critical the simple-mode flag; null in the other modes
     * @param status   null while nothing is known of it
     * @param data     what the status comes from: the module's element_status row, an agent's module rows,
     *                 a sub-service's status row
     */
    public record ElementRow(String type, String name, Weights weights, Boolean critical, Status status, Object data) {
    }

    public record ServicePage(ServiceRow service, List<ElementRow> elements) {
    }

    private record Parsed(String version, ServiceTreeDefinition definition) {
    }

    private final ServiceQueries services;
    private final ElementStatusQueries elements;
    private final AtomicReference<Parsed> parsed = new AtomicReference<>(new Parsed(null, ServiceTreeDefinition.EMPTY));

    ServiceCatalog(ServiceQueries services, ElementStatusQueries elements) {
        this.services = services;
        this.elements = elements;
    }

    /** The whole tree as defined; empty before the first replace. */
    ServiceTreeDefinition definition() {
        return services.tree().map(stored -> {
            Parsed current = parsed.get();
            if (!stored.version().equals(current.version())) {
                current = new Parsed(stored.version(), ServiceTreeParser.parseYaml(stored.document()));
                parsed.set(current);
            }
            return current.definition();
        }).orElse(ServiceTreeDefinition.EMPTY);
    }

    List<ServiceDefinition> visible(ServiceAccess access) {
        return definition().services().stream().filter(s -> access.sees(s.group())).toList();
    }

    List<ServiceRow> list(ServiceAccess access) {
        Map<String, ServiceStatusRow> statuses = statuses();
        return visible(access).stream().map(s -> row(s, statuses.get(s.name()))).toList();
    }

    /** The service, or 404 when it does not exist or belongs to a group the viewer lacks. */
    ServiceDefinition service(String name, ServiceAccess access) {
        return definition().service(name).filter(s -> access.sees(s.group()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "service \"" + name + "\" does not exist"));
    }

    ServicePage page(String name, ServiceAccess access) {
        ServiceDefinition service = service(name, access);
        Map<String, ServiceStatusRow> statuses = statuses();
        Set<String> resources = service.elements().stream().filter(e -> e.type() != ElementType.SERVICE)
                .map(ElementDefinition::resource).collect(Collectors.toSet());
        Map<String, List<ElementStatusRow>> modules = elements.byResources(resources).stream()
                .collect(Collectors.groupingBy(ElementStatusRow::resource));
        List<ElementRow> elements = service.elements().stream()
                .map(e -> element(service, e, statuses, modules)).toList();
        return new ServicePage(row(service, statuses.get(name)), elements);
    }

    /** Status and value of every service by name (absent: not computed yet). */
    Map<String, ServiceStatusRow> statuses() {
        return services.statuses().stream().collect(Collectors.toMap(ServiceStatusRow::name, r -> r));
    }

    /** The status an element has now, from the rows {@link #page} reads. */
    static Status elementStatus(ElementDefinition element, Map<String, ServiceStatusRow> statuses,
                                Map<String, List<ElementStatusRow>> modulesByResource) {
        return switch (element.type()) {
            case SERVICE -> statuses.containsKey(element.name()) ? statuses.get(element.name()).status() : Status.UNKNOWN;
            case AGENT -> modulesByResource.getOrDefault(element.resource(), List.of()).stream()
                    .map(ElementStatusRow::status).filter(Objects::nonNull).reduce(Status::worse).orElse(null);
            case MODULE -> modulesByResource.getOrDefault(element.resource(), List.of()).stream()
                    .filter(m -> m.check().equals(element.check())).map(ElementStatusRow::status).findFirst().orElse(null);
        };
    }

    private static ElementRow element(ServiceDefinition service, ElementDefinition element,
                                      Map<String, ServiceStatusRow> statuses,
                                      Map<String, List<ElementStatusRow>> modules) {
        List<ElementStatusRow> ofResource = element.type() == ElementType.SERVICE ? List.of()
                : modules.getOrDefault(element.resource(), List.of());
        Object data = switch (element.type()) {
            case SERVICE -> statuses.get(element.name());
            case AGENT -> ofResource;
            case MODULE -> ofResource.stream().filter(m -> m.check().equals(element.check())).findFirst().orElse(null);
        };
        Boolean critical = service.weightsOf(element) == null ? element.critical() : null;
        return new ElementRow(element.type().key(), element.name(), service.weightsOf(element), critical,
                elementStatus(element, statuses, modules), data);
    }

    private static ServiceRow row(ServiceDefinition s, ServiceStatusRow status) {
        return new ServiceRow(s.name(), s.description(), s.group(), s.mode().key(), s.warning(), s.critical(),
                status == null ? null : status.value(), status == null ? Status.UNKNOWN : status.status(),
                status == null ? null : status.slaCompliance(), status == null ? null : status.slaStatus());
    }
}
