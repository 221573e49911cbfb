package io.vigil.model;

/**
 * A fact that can name itself in the audit trail: a stable id ("event:42",
 * "element:web01/cpu", "incident:7") and a one-line summary of its state.
 */
public interface Describable {
    String factId();

    String summary();
}
