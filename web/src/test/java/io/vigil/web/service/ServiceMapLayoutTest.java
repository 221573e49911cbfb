package io.vigil.web.service;

import io.vigil.model.Status;
import io.vigil.service.ElementDefinition;
import io.vigil.service.ServiceDefinition;
import io.vigil.web.service.ServiceMapLayout.Drawing;
import io.vigil.web.service.ServiceMapLayout.Edge;
import io.vigil.web.service.ServiceMapLayout.Node;
import io.vigil.web.service.ServiceMapLayout.NodeState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.vigil.model.Status.CRITICAL;
import static io.vigil.model.Status.NORMAL;
import static io.vigil.model.Status.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ServiceMapLayoutTest {

    private static final Map<String, NodeState> STATES = Map.of(
            "shop", new NodeState(WARNING, new BigDecimal("1.50")),
            "web", new NodeState(NORMAL, BigDecimal.ZERO),
            "db", new NodeState(CRITICAL, BigDecimal.ONE),
            "office", new NodeState(null, null));

    private static Status elementStatus(ElementDefinition element) {
        return element.name().equals("db01/mysql") ? CRITICAL : null;
    }

    private static Drawing layout(List<String> roots, List<ServiceDefinition> services) {
        return ServiceMapLayout.layout(roots, services, STATES::get, ServiceMapLayoutTest::elementStatus, name -> "/s/" + name);
    }

    @Test
    void shouldGiveLeavesConsecutiveSlotsAndCentreEachServiceOverItsChildren() {
        Drawing drawing = layout(List.of("shop", "office"), ServiceTrees.ALL);

        assertThat(drawing.nodes()).extracting(Node::id, Node::x, Node::y, Node::width).containsExactly(
                tuple("module:web:web01/http", 42.0, 264.0, 148),
                tuple("module:db:db01/mysql", 226.0, 384.0, 148),
                tuple("service:db", 216.0, 264.0, 168),
                tuple("service:web", 124.0, 144.0, 168),
                tuple("service:shop", 124.0, 24.0, 168),
                tuple("agent:office:printer1", 410.0, 144.0, 148),
                tuple("service:office", 400.0, 24.0, 168));
        assertThat(drawing.width()).isEqualTo(3 * 184 + 2 * 24.0);
        assertThat(drawing.height()).isEqualTo(458.0);
    }

    @Test
    void shouldDrawASharedSubServiceOnceUnderItsFirstParentWithAnEdgeFromEach() {
        Drawing drawing = layout(List.of("shop", "office"), ServiceTrees.ALL);

        assertThat(drawing.nodes()).filteredOn(n -> n.id().equals("service:db")).hasSize(1);
        assertThat(drawing.edges()).containsExactly(
                new Edge("service:web", "module:web:web01/http", 208, 194, 116, 264, ""),
                new Edge("service:db", "module:db:db01/mysql", 300, 314, 300, 384, ""),
                new Edge("service:web", "service:db", 208, 194, 300, 264, ""),
                new Edge("service:shop", "service:web", 208, 74, 208, 144, "W 0.5 C 1"),
                new Edge("service:shop", "service:db", 208, 74, 300, 264, "W 3 C 5"),
                new Edge("service:office", "agent:office:printer1", 484, 74, 484, 144, "critical"));
        assertThat(drawing.edges().get(4).labelX()).isEqualTo(254.0);
        assertThat(drawing.edges().get(4).labelY()).isEqualTo(169.0);
    }

    @Test
    void shouldLabelNodesWithStatusValueAndLink() {
        Map<String, Node> nodes = byId(layout(List.of("shop", "office"), ServiceTrees.ALL));

        assertThat(nodes.get("service:shop")).extracting(Node::kind, Node::label, Node::status, Node::detail, Node::href,
                Node::statusClass).containsExactly("service", "shop", WARNING, "value 1.5", "/s/shop", "WARNING");
        assertThat(nodes.get("service:office")).extracting(Node::status, Node::detail, Node::statusClass)
                .containsExactly(null, "value –", "UNKNOWN");
        assertThat(nodes.get("module:db:db01/mysql")).extracting(Node::kind, Node::label, Node::detail, Node::href,
                Node::statusClass).containsExactly("module", "db01/mysql", "module · CRITICAL", null, "CRITICAL");
        assertThat(nodes.get("agent:office:printer1")).extracting(Node::detail, Node::statusClass)
                .containsExactly("agent · no data", "UNKNOWN");
        assertThat(nodes.get("service:web").centerX()).isEqualTo(208.0);
    }

    @Test
    void shouldLeaveOutSubServicesTheViewerDoesNotSee() {
        Drawing drawing = layout(List.of("web"), List.of(ServiceTrees.WEB));

        assertThat(drawing.nodes()).extracting(Node::id, Node::x, Node::y)
                .containsExactly(tuple("module:web:web01/http", 42.0, 144.0), tuple("service:web", 32.0, 24.0));
        assertThat(drawing.edges()).extracting(Edge::from, Edge::to).containsExactly(tuple("service:web", "module:web:web01/http"));
        assertThat(drawing.width()).isEqualTo(232.0);
        assertThat(drawing.height()).isEqualTo(218.0);
    }

    @Test
    void shouldDrawOnlyTheTreeBelowTheGivenRoot() {
        Drawing drawing = layout(List.of("db"), ServiceTrees.ALL);

        assertThat(drawing.nodes()).extracting(Node::id).containsExactly("module:db:db01/mysql", "service:db");
        assertThat(drawing.nodes()).extracting(Node::y).containsExactly(144.0, 24.0);
    }

    @Test
    void shouldDrawNothingButAMinimalCanvasForAnEmptyTree() {
        Drawing drawing = layout(List.of(), List.of());

        assertThat(drawing.nodes()).isEmpty();
        assertThat(drawing.edges()).isEmpty();
        assertThat(drawing.width()).isEqualTo(232.0);
        assertThat(drawing.height()).isEqualTo(98.0);
    }

    private static Map<String, Node> byId(Drawing drawing) {
        return drawing.nodes().stream().collect(Collectors.toMap(Node::id, n -> n));
    }
}
