package io.vigil.service;

import io.vigil.config.DocumentException;

import java.util.List;

/** A service tree definition that cannot be used; each problem names the service or section entry it is in. */
public final class ServiceDefinitionException extends DocumentException {

    private static final long serialVersionUID = 1L;

    public ServiceDefinitionException(List<String> errors) {
        super(errors);
    }
}
