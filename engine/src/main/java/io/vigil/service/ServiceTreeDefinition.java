package io.vigil.service;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** A whole service tree as defined (replaced as a whole, never edited in place). */
public record ServiceTreeDefinition(List<ServiceDefinition> services) implements Serializable {

    public static final ServiceTreeDefinition EMPTY = new ServiceTreeDefinition(List.of());

    public ServiceTreeDefinition {
        services = List.copyOf(services);
    }

    public Optional<ServiceDefinition> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
