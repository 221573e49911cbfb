package io.vigil.service;

import java.util.Locale;

/** What an element of a service is; the key names it in YAML and JSON ({@code module: web01/http}). */
public enum ElementType {
    /** One check of one resource: {@code resource/check}. */
    MODULE,
    /** A resource as a whole; its status is the worst of its modules. */
    AGENT,
    /** Another service of the same tree. */
    SERVICE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
