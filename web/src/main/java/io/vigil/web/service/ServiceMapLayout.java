package io.vigil.web.service;

import io.vigil.model.Status;
import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;
import io.vigil.service.ServiceMode;
import io.vigil.service.Weights;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Lays a service tree out as a top-down graph for the console's map, on the server, so the browser
 * only draws SVG (no layout library, no Node build). Services and their module/agent elements are
 * nodes; a service's elements sit one level below it; leaves take consecutive slots from left to
 * right and a service is centred over its children (a simple tidy tree). A sub-service shared by
 * several parents is drawn once, under the first parent that reaches it, with an edge from each.
 */
final class ServiceMapLayout {

    static final int SERVICE_WIDTH = 168;
    static final int ELEMENT_WIDTH = 148;
    static final int NODE_HEIGHT = 50;
    static final int SLOT = 184;
    static final int LEVEL = 120;
    static final int MARGIN = 24;

    /** What the map knows of a node: its status and, for services, its value. */
    public record NodeState(Status status, BigDecimal value) {
    }

    public record Node(String id, String kind, String label, Status status, String detail, String href, double x, double y,
                int width) {

        public double centerX() {
            return x + width / 2.0;
        }

        /** The status as a CSS class: NORMAL, WARNING, CRITICAL or UNKNOWN (also for "nothing known yet"). */
        public String statusClass() {
            return status == null ? Status.UNKNOWN.name() : status.name();
        }
    }

    public record Edge(String from, String to, double x1, double y1, double x2, double y2, String label) {

        public double labelX() {
            return (x1 + x2) / 2;
        }

        public double labelY() {
            return (y1 + y2) / 2;
        }
    }

    public record Drawing(List<Node> nodes, List<Edge> edges, double width, double height) {
    }

    private final Map<String, ServiceDefinition> services;
    private final Function<String, NodeState> serviceState;
    private final Function<ElementDefinition, Status> elementStatus;
    private final Function<String, String> serviceHref;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final Map<String, Node> placed = new HashMap<>();
    private final List<String[]> links = new ArrayList<>();
    private int nextSlot;
    private int deepest;

    private ServiceMapLayout(List<ServiceDefinition> services, Function<String, NodeState> serviceState,
                             Function<ElementDefinition, Status> elementStatus, Function<String, String> serviceHref) {
        this.services = services.stream().collect(Collectors.toMap(ServiceDefinition::name, s -> s, (a, b) -> a,
                LinkedHashMap::new));
        this.serviceState = serviceState;
        this.elementStatus = elementStatus;
        this.serviceHref = serviceHref;
    }

    /**
     * Lays out the trees below {@code roots}. Sub-services not among {@code services} (not visible
     * to the viewer) are left out, as are their edges.
     */
    static Drawing layout(List<String> roots, List<ServiceDefinition> services, Function<String, NodeState> serviceState,
                      Function<ElementDefinition, Status> elementStatus, Function<String, String> serviceHref) {
        ServiceMapLayout layout = new ServiceMapLayout(services, serviceState, elementStatus, serviceHref);
        roots.forEach(root -> layout.placeService(root, 0));
        return layout.finish();
    }

    /** Places a service and everything below it; returns the centre x of its node. */
    private double placeService(String name, int depth) {
        Node existing = placed.get(serviceId(name));
        if (existing != null) {
            return existing.centerX();
        }
        ServiceDefinition service = services.get(name);
        deepest = Math.max(deepest, depth);
        // reserve the node first, so a shared sub-service reached again is not placed twice
        placed.put(serviceId(name), null);
        List<Double> children = new ArrayList<>();
        for (ElementDefinition element : service.elements()) {
            String childId;
            if (element.type() == ElementType.SERVICE) {
                if (!services.containsKey(element.name())) {
                    continue;
                }
                childId = serviceId(element.name());
                if (!placed.containsKey(childId)) {
                    children.add(placeService(element.name(), depth + 1));
                }
            } else {
                childId = element.type().key() + ":" + name + ":" + element.name();
                children.add(placeElement(childId, element, depth + 1).centerX());
            }
            links.add(new String[] {serviceId(name), childId, edgeLabel(service, element)});
        }
        double center = children.isEmpty() ? slotCenter(nextSlot++)
                : (children.get(0) + children.get(children.size() - 1)) / 2;
        NodeState state = serviceState.apply(name);
        String value = state.value() == null ? "value –" : "value " + state.value().stripTrailingZeros().toPlainString();
        Node node = new Node(serviceId(name), "service", name, state.status(), value, serviceHref.apply(name),
                center - SERVICE_WIDTH / 2.0, y(depth), SERVICE_WIDTH);
        placed.put(node.id(), node);
        nodes.add(node);
        return center;
    }

    private Node placeElement(String id, ElementDefinition element, int depth) {
        deepest = Math.max(deepest, depth);
        Status status = elementStatus.apply(element);
        double center = slotCenter(nextSlot++);
        Node node = new Node(id, element.type().key(), element.name(), status,
                element.type().key() + " · " + (status == null ? "no data" : status.name()), null,
                center - ELEMENT_WIDTH / 2.0, y(depth), ELEMENT_WIDTH);
        placed.put(id, node);
        nodes.add(node);
        return node;
    }

    private Drawing finish() {
        for (String[] link : links) {
            Node from = placed.get(link[0]);
            Node to = placed.get(link[1]);
            edges.add(new Edge(link[0], link[1], from.centerX(), from.y() + NODE_HEIGHT, to.centerX(), to.y(), link[2]));
        }
        double width = Math.max(1, nextSlot) * SLOT + 2 * MARGIN;
        double height = (deepest + 1) * LEVEL - (LEVEL - NODE_HEIGHT) + 2 * MARGIN;
        return new Drawing(List.copyOf(nodes), List.copyOf(edges), width, height);
    }

    /** What the edge says about how the element counts: its weights, or its simple-mode flag. */
    static String edgeLabel(ServiceDefinition service, ElementDefinition element) {
        if (service.mode() == ServiceMode.SIMPLE) {
            return element.critical() ? "critical" : "";
        }
        if (service.mode() == ServiceMode.AUTO) {
            return "";
        }
        Weights w = service.weightsOf(element);
        List<String> parts = new ArrayList<>();
        addWeight(parts, "N", w.normal());
        addWeight(parts, "W", w.warning());
        addWeight(parts, "C", w.critical());
        addWeight(parts, "U", w.unknown());
        return String.join(" ", parts);
    }

    private static void addWeight(List<String> parts, String letter, BigDecimal weight) {
        if (weight.signum() != 0) {
            parts.add(letter + " " + weight.stripTrailingZeros().toPlainString());
        }
    }

    private static String serviceId(String name) {
        return "service:" + name;
    }

    private static double slotCenter(int slot) {
        return MARGIN + slot * SLOT + SLOT / 2.0;
    }

    private static double y(int depth) {
        return MARGIN + depth * LEVEL;
    }
}
