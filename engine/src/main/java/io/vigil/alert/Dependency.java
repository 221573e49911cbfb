package io.vigil.alert;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A resource that depends on others: when a parent is down, the child's alerts follow from that outage. */
public record Dependency(String resource, List<String> dependsOn) implements Serializable {

    public Dependency {
        Objects.requireNonNull(resource, "resource");
        dependsOn = List.copyOf(dependsOn);
    }
}
