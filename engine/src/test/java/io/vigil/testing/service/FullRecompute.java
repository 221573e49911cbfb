package io.vigil.testing.service;

import io.vigil.model.Status;
import io.vigil.service.ElementDefinition;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceStatusCalculator;
import io.vigil.service.ServiceTreeDefinition;

import java.util.HashMap;
import java.util.Map;

/**
 * The reference the incremental {@link io.vigil.service.ServiceTree} is checked against: every
 * service computed from scratch, bottom-up, from the modules' latest statuses. Deliberately
 * naive (no state, no deltas) so it shares nothing with the tree but the arithmetic.
 */
public final class FullRecompute {

    private final Map<String, ServiceDefinition> services = new HashMap<>();
    private final Map<String, Map<String, Status>> modules;
    private final Map<String, ServiceStatusCalculator.Result> results = new HashMap<>();

    private FullRecompute(ServiceTreeDefinition tree, Map<String, Map<String, Status>> modules) {
        tree.services().forEach(s -> services.put(s.name(), s));
        this.modules = modules;
    }

    /** @param modules latest status by resource, then check */
    public static Map<String, ServiceStatusCalculator.Result> of(ServiceTreeDefinition tree,
                                                                 Map<String, Map<String, Status>> modules) {
        FullRecompute recompute = new FullRecompute(tree, modules);
        tree.services().forEach(s -> recompute.result(s.name()));
        return recompute.results;
    }

    private ServiceStatusCalculator.Result result(String service) {
        ServiceStatusCalculator.Result known = results.get(service);
        if (known == null) {
            known = ServiceStatusCalculator.evaluate(services.get(service), this::statusOf);
            results.put(service, known);
        }
        return known;
    }

    private Status statusOf(ElementDefinition element) {
        switch (element.type()) {
            case SERVICE:
                return result(element.name()).status();
            case AGENT:
                return modules.getOrDefault(element.resource(), Map.of()).values().stream()
                        .reduce(null, (worst, s) -> s.worse(worst));
            default:
                return modules.getOrDefault(element.resource(), Map.of()).get(element.check());
        }
    }
}
