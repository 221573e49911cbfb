package io.vigil.service;

import java.util.List;

/** A service tree definition that cannot be used, with every problem found (not just the first). */
public final class ServiceDefinitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public ServiceDefinitionException(List<String> errors) {
        super(String.join("; ", errors));
        this.errors = List.copyOf(errors);
    }

    /** Lowercase messages that quote the bad key or value and name the service, in document order. */
    public List<String> errors() {
        return errors;
    }
}
