package io.vigil.service;

import java.io.Serializable;
import java.util.Objects;

/**
 * One element of a service as defined.
 *
 * @param name     {@code resource/check} for a module, the resource for an agent, the service name for a service
 * @param weights  set in manual mode only (null otherwise)
 * @param critical the simple-mode flag; always false in the other modes
 */
public record ElementDefinition(ElementType type, String name, Weights weights, boolean critical)
        implements Serializable {

    public ElementDefinition {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }

    /** The resource of a module or agent element. */
    public String resource() {
        if (type == ElementType.SERVICE) {
            throw new IllegalStateException("service element \"" + name + "\" has no resource");
        }
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** The check of a module element (everything after the first slash). */
    public String check() {
        if (type != ElementType.MODULE) {
            throw new IllegalStateException(type.key() + " element \"" + name + "\" has no check");
        }
        return name.substring(name.indexOf('/') + 1);
    }
}
