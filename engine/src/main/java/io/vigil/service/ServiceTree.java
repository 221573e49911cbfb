package io.vigil.service;

import io.vigil.model.Describable;
import io.vigil.model.Status;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A service tree with its live statuses: one fact in the rule session (hence Serializable, so it
 * is marshalled with the session). An element change updates only the services above the
 * element, and a service passes a change on to its parents only when its own status moved — no
 * periodic full recompute. Not thread-safe: the engine thread owns it.
 */
public final class ServiceTree implements Describable, Serializable {

    private static final long serialVersionUID = 1L;

    private final ServiceTreeDefinition definition;
    private final Map<String, ServiceNode> services = new LinkedHashMap<>();
    private final Map<String, ResourceNode> resources = new HashMap<>();
    private long cascadeReleases;

    /**
     * Builds the tree with every service UNKNOWN and no element status known yet.
     *
     * @throws ServiceDefinitionException when names repeat, a sub-service is undefined or services form a cycle
     */
    public ServiceTree(ServiceTreeDefinition definition) {
        List<String> problems = ServiceGraph.problems(definition);
        if (!problems.isEmpty()) {
            throw new ServiceDefinitionException(problems);
        }
        this.definition = definition;
        definition.services().forEach(s -> services.put(s.name(), new ServiceNode(s)));
        for (ServiceNode service : services.values()) {
            for (ElementDefinition element : service.definition.elements()) {
                ElementLink link = new ElementLink(service, element);
                switch (element.type()) {
                    case MODULE:
                        resource(element.resource()).add(element.check()).links.add(link);
                        break;
                    case AGENT:
                        resource(element.resource()).agentLinks.add(link);
                        break;
                    default:
                        services.get(element.name()).parents.add(link);
                        // a sub-service starts UNKNOWN, and UNKNOWN has its weight (unlike "no status yet")
                        service.apply(link, null, Status.UNKNOWN);
                }
            }
        }
    }

    /**
     * Records a module's new status (null: forgotten) and updates the services above it, directly
     * or through its agent. Returns every service whose status or value changed; empty when the
     * module is not part of the tree or its status did not change.
     */
    public List<ServiceStatusChange> elementChanged(String resource, String check, Status status) {
        ResourceNode node = resources.get(resource);
        ResourceNode.ModuleNode module = node == null ? null : node.findOrFollow(check);
        if (module == null || module.status == status) {
            return List.of();
        }
        Status before = module.status;
        module.status = status;
        Propagation propagation = new Propagation();
        propagation.elementMoved(module.links, before, status);
        if (node.isAgent()) {
            Status agentBefore = node.agentStatus();
            node.count(before, status);
            Status agentAfter = node.agentStatus();
            if (agentBefore != agentAfter) {
                propagation.elementMoved(node.agentLinks, agentBefore, agentAfter);
            }
        }
        List<ServiceStatusChange> changes = propagation.changes();
        for (ServiceStatusChange change : changes) {
            if (change.previousStatus() == Status.CRITICAL && change.status() != Status.CRITICAL
                    && node(change.service()).definition.cascadeProtection()) {
                cascadeReleases++;
            }
        }
        return changes;
    }

    /**
     * The services an element belongs to: those listing the module {@code resource/check} or its agent
     * {@code resource}, and every service above them; for a service ({@code service} set), itself and
     * every service above it. Read from the links status propagation follows, so an element belongs
     * exactly where its status counts. An escalation policy limited to a service takes the incidents
     * of everything in its subtree.
     */
    public Set<String> servicesAbove(String resource, String check, String service) {
        Set<String> found = new LinkedHashSet<>();
        Deque<ServiceNode> toVisit = new ArrayDeque<>();
        if (service != null) {
            ServiceNode node = services.get(service);
            if (node == null) {
                found.add(service);
            } else {
                toVisit.add(node);
            }
        }
        ResourceNode node = resource == null ? null : resources.get(resource);
        if (node != null) {
            ResourceNode.ModuleNode module = check == null ? null : node.find(check);
            if (module != null) {
                module.links.forEach(link -> toVisit.add(link.parent));
            }
            node.agentLinks.forEach(link -> toVisit.add(link.parent));
        }
        while (!toVisit.isEmpty()) {
            ServiceNode next = toVisit.poll();
            if (found.add(next.definition.name())) {
                next.parents.forEach(link -> toVisit.add(link.parent));
            }
        }
        return found;
    }

    /**
     * How many times a cascade-protected service has left CRITICAL: each time, elements below it
     * may raise their own alerts and incidents again, so rules that honour cascade protection
     * watch this property to look at them once more.
     */
    public long getCascadeReleases() {
        return cascadeReleases;
    }

    public boolean contains(String service) {
        return services.containsKey(service);
    }

    public Status status(String service) {
        return node(service).status();
    }

    public BigDecimal value(String service) {
        return node(service).value();
    }

    /** Cascade protection: true while a CRITICAL service with cascade protection is above this module. */
    public boolean isSuppressed(String resource, String check) {
        ResourceNode node = resources.get(resource);
        if (node == null) {
            return false;
        }
        ResourceNode.ModuleNode module = node.find(check);
        return CascadeProtection.above(module == null ? List.of() : module.links)
                || CascadeProtection.above(node.agentLinks);
    }

    /** Cascade protection for a service: true while a CRITICAL ancestor with cascade protection carries the problem. */
    public boolean isServiceSuppressed(String service) {
        return CascadeProtection.above(node(service).parents);
    }

    /** Whether this service's own status changes may raise alerts, events or incidents (not quiet, not suppressed). */
    public boolean raisesAlerts(String service) {
        return !node(service).definition.quiet() && !isServiceSuppressed(service);
    }

    public ServiceTreeDefinition definition() {
        return definition;
    }

    /** Services that are no other service's element, in definition order. */
    public List<String> roots() {
        return services.values().stream().filter(s -> s.parents.isEmpty()).map(ServiceNode::name)
                .collect(Collectors.toList());
    }

    public List<ServiceSummary> services() {
        return services.values().stream().map(this::summary).collect(Collectors.toList());
    }

    public Optional<ServiceDetail> service(String name) {
        ServiceNode service = services.get(name);
        if (service == null) {
            return Optional.empty();
        }
        ServiceDefinition defined = service.definition;
        List<ElementView> elements = defined.elements().stream()
                .map(e -> new ElementView(e.type(), e.name(), defined.weightsOf(e),
                        defined.mode() == ServiceMode.SIMPLE ? e.critical() : null, elementStatus(e)))
                .collect(Collectors.toList());
        return Optional.of(new ServiceDetail(summary(service), elements));
    }

    private ServiceSummary summary(ServiceNode service) {
        ServiceDefinition d = service.definition;
        return new ServiceSummary(d.name(), d.description(), d.group(), d.mode(), d.warning(), d.critical(),
                service.value(), service.status(), d.quiet(), d.cascadeProtection(),
                CascadeProtection.above(service.parents), d.sla());
    }

    private Status elementStatus(ElementDefinition element) {
        if (element.type() == ElementType.SERVICE) {
            return services.get(element.name()).status();
        }
        ResourceNode node = resources.get(element.resource());
        if (element.type() == ElementType.AGENT) {
            return node.agentStatus();
        }
        ResourceNode.ModuleNode module = node.find(element.check());
        return module == null ? null : module.status;
    }

    @Override
    public String factId() {
        return "service-tree";
    }

    @Override
    public String summary() {
        return services.size() + " services, " + resources.size() + " resources";
    }

    @Override
    public String toString() {
        return "ServiceTree(" + summary() + ")";
    }

    private ResourceNode resource(String resource) {
        return resources.computeIfAbsent(resource, r -> new ResourceNode());
    }

    private ServiceNode node(String service) {
        ServiceNode node = services.get(service);
        if (node == null) {
            throw new IllegalArgumentException("unknown service \"" + service + "\"");
        }
        return node;
    }
}
