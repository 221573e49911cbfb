package io.vigil.store;

/** Names one element (module) by its resource and check. */
public record ElementKey(String resource, String check) {
}
