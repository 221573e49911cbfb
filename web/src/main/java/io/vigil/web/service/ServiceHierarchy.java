package io.vigil.web.service;

import io.vigil.model.Status;
import io.vigil.service.ElementDefinition;
import io.vigil.service.ElementType;
import io.vigil.service.ServiceDefinition;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shape of the services someone sees, for the tree view and the map: which are roots (no
 * visible parent), the tree below each, and how many services of each level are in each status.
 * A service shared by two parents appears under both in the tree and counts once, at its
 * shallowest level.
 */
final class ServiceHierarchy {

    public record TreeNode(String name, Status status, String value, List<TreeNode> children) {
    }

    /** Services of one level (0 = roots) by status, in the order NORMAL, WARNING, CRITICAL, UNKNOWN. */
    public record Level(int depth, Map<Status, Integer> counts, int total) {
    }

    private static final List<Status> ORDER = List.of(Status.NORMAL, Status.WARNING, Status.CRITICAL, Status.UNKNOWN);

    private final Map<String, ServiceDefinition> services = new LinkedHashMap<>();
    private final Function<String, Status> status;

    ServiceHierarchy(List<ServiceDefinition> visible, Function<String, Status> status) {
        visible.forEach(s -> services.put(s.name(), s));
        this.status = status;
    }

    List<String> roots() {
        Set<String> children = new HashSet<>();
        services.values().forEach(s -> subServices(s).forEach(children::add));
        return services.keySet().stream().filter(name -> !children.contains(name)).toList();
    }

    /** The visible sub-services of a service, in definition order. */
    List<String> subServices(ServiceDefinition service) {
        return service.elements().stream().filter(e -> e.type() == ElementType.SERVICE)
                .map(ElementDefinition::name).filter(services::containsKey).toList();
    }

    List<TreeNode> forest(Function<String, String> value) {
        return roots().stream().map(root -> node(root, value)).toList();
    }

    List<Level> levels() {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        roots().forEach(root -> {
            depth.put(root, 0);
            queue.add(root);
        });
        while (!queue.isEmpty()) {
            String name = queue.poll();
            for (String child : subServices(services.get(name))) {
                if (!depth.containsKey(child)) {
                    depth.put(child, depth.get(name) + 1);
                    queue.add(child);
                }
            }
        }
        List<Map<Status, Integer>> counts = new ArrayList<>();
        depth.forEach((name, level) -> {
            while (counts.size() <= level) {
                Map<Status, Integer> empty = new EnumMap<>(Status.class);
                ORDER.forEach(s -> empty.put(s, 0));
                counts.add(empty);
            }
            counts.get(level).merge(status.apply(name), 1, Integer::sum);
        });
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            Map<Status, Integer> ordered = new LinkedHashMap<>();
            Map<Status, Integer> level = counts.get(i);
            ORDER.forEach(s -> ordered.put(s, level.get(s)));
            levels.add(new Level(i, ordered, level.values().stream().mapToInt(Integer::intValue).sum()));
        }
        return levels;
    }

    private TreeNode node(String name, Function<String, String> value) {
        List<TreeNode> children = subServices(services.get(name)).stream().map(child -> node(child, value)).toList();
        return new TreeNode(name, status.apply(name), value.apply(name), children);
    }
}
