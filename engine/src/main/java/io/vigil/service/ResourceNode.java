package io.vigil.service;

import io.vigil.model.Status;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resource the tree cares about: the modules of it that are elements, and — when the resource
 * is itself an agent element — all its modules, counted per status so that the agent's status
 * (the worst of its modules) is known in O(1) after each change.
 */
final class ResourceNode implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Status[] WORST_FIRST = {Status.CRITICAL, Status.WARNING, Status.UNKNOWN, Status.NORMAL};

    private final Map<String, ModuleNode> modules = new HashMap<>();
    /** Where this resource is an agent element; empty when only some of its modules are elements. */
    final List<ElementLink> agentLinks = new ArrayList<>();
    private final int[] counts = new int[Status.values().length];

    ModuleNode find(String check) {
        return modules.get(check);
    }

    /** The module's node; created for any module of an agent element, whose status the agent needs. */
    ModuleNode findOrFollow(String check) {
        ModuleNode module = modules.get(check);
        return module == null && isAgent() ? add(check) : module;
    }

    /** The module's node, created when the module is an element itself. */
    ModuleNode add(String check) {
        return modules.computeIfAbsent(check, c -> new ModuleNode());
    }

    boolean isAgent() {
        return !agentLinks.isEmpty();
    }

    /** The worst status among its modules, or null while none of them has a status. */
    Status agentStatus() {
        for (Status status : WORST_FIRST) {
            if (counts[status.ordinal()] > 0) {
                return status;
            }
        }
        return null;
    }

    void count(Status before, Status after) {
        if (before != null) {
            counts[before.ordinal()]--;
        }
        if (after != null) {
            counts[after.ordinal()]++;
        }
    }

    /** One check of the resource: its latest status and the services it is a module element of. */
    static final class ModuleNode implements Serializable {

        private static final long serialVersionUID = 1L;

        Status status;
        final List<ElementLink> links = new ArrayList<>(1);
    }
}
