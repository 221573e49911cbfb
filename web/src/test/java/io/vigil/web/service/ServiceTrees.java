package io.vigil.web.service;

import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceMode;
import io.vigil.service.Weights;

import java.math.BigDecimal;
import java.util.List;

/**
 * A small service tree for the pure layout and hierarchy tests, shared by both so they agree on
 * its shape: {@code shop} (manual) uses {@code web} and {@code db}; {@code web} (auto) uses a
 * module and {@code db} too, so {@code db} is a shared sub-service; {@code office} (simple) is a
 * second root with one agent.
 */
final class ServiceTrees {

    static final ServiceDefinition SHOP = service("shop", ServiceMode.MANUAL,
            new ElementDefinition(ElementType.SERVICE, "web", null, false),
            new ElementDefinition(ElementType.SERVICE, "db",
                    new Weights(BigDecimal.ZERO, new BigDecimal("3"), new BigDecimal("5"), BigDecimal.ZERO), false));
    static final ServiceDefinition WEB = service("web", ServiceMode.AUTO,
            new ElementDefinition(ElementType.MODULE, "web01/http", null, false),
            new ElementDefinition(ElementType.SERVICE, "db", null, false));
    static final ServiceDefinition DB = service("db", ServiceMode.AUTO,
            new ElementDefinition(ElementType.MODULE, "db01/mysql", null, false));
    static final ServiceDefinition OFFICE = service("office", ServiceMode.SIMPLE,
            new ElementDefinition(ElementType.AGENT, "printer1", null, true));

    static final List<ServiceDefinition> ALL = List.of(SHOP, WEB, DB, OFFICE);

    private ServiceTrees() {
    }

    private static ServiceDefinition service(String name, ServiceMode mode, ElementDefinition... elements) {
        return new ServiceDefinition(name, "", null, mode, null, null, false, false, null, List.of(elements));
    }
}
