package io.vigil.service;

import io.vigil.alert.CorrelationDefinition;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A whole service tree document as defined (replaced as a whole, never edited in place): the
 * services and the correlation sections beside them.
 *
 * @param correlation {@link CorrelationDefinition#EMPTY} when the document has no such sections
 */
public record ServiceTreeDefinition(List<ServiceDefinition> services, CorrelationDefinition correlation)
        implements Serializable {

    public static final ServiceTreeDefinition EMPTY = new ServiceTreeDefinition(List.of());

    public ServiceTreeDefinition {
        services = List.copyOf(services);
        correlation = correlation == null ? CorrelationDefinition.EMPTY : correlation;
    }

    /** Services only, with no correlation sections. */
    public ServiceTreeDefinition(List<ServiceDefinition> services) {
        this(services, CorrelationDefinition.EMPTY);
    }

    public Optional<ServiceDefinition> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
