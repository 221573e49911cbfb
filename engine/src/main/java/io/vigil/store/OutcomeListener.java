package io.vigil.store;

import io.vigil.session.Outcome;

import java.util.List;

/**
 * Told about outcomes once they are committed (the live feed). Called on the outcome writer's
 * thread: return quickly; an exception is logged and does not stop the writer.
 */
@FunctionalInterface
public interface OutcomeListener {

    void committed(List<Outcome> outcomes);
}
