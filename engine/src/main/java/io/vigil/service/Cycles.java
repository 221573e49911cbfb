package io.vigil.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Cycles of a directed graph given as node → successors, found depth-first with an explicit stack
 * (deep trees must not overflow the call stack). Successors that are not keys of the map are leaves.
 * Used for sub-services of a service tree and for dependencies between resources.
 */
final class Cycles {

    private Cycles() {
    }

    /**
     * Every edge back into the current path closes a cycle, returned as its path from the first
     * node back to it again (e.g. [a, b, a]), in the order the map and the successors are given.
     */
    static List<List<String>> find(Map<String, ? extends Collection<String>> successors) {
        List<List<String>> cycles = new ArrayList<>();
        Map<String, Boolean> finished = new HashMap<>();
        for (String root : successors.keySet()) {
            if (finished.containsKey(root)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            Deque<Iterator<String>> stack = new ArrayDeque<>();
            path.add(root);
            finished.put(root, false);
            stack.push(successors.get(root).iterator());
            while (!stack.isEmpty()) {
                Iterator<String> next = stack.peek();
                if (!next.hasNext()) {
                    stack.pop();
                    finished.put(path.remove(path.size() - 1), true);
                    continue;
                }
                String node = next.next();
                if (!successors.containsKey(node)) {
                    continue;
                }
                Boolean done = finished.get(node);
                if (done == null) {
                    path.add(node);
                    finished.put(node, false);
                    stack.push(successors.get(node).iterator());
                } else if (!done) {
                    List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
                    cycle.add(node);
                    cycles.add(cycle);
                }
            }
        }
        return cycles;
    }
}
