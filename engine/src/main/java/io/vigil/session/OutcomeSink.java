package io.vigil.session;

/**
 * Receives every batch's outcomes on the engine thread, in order. The production sink writes a
 * batch (outcomes, firings, checkpoint, snapshot) in one transaction on its own thread; replay
 * prints them. {@code publish} may block when the sink is behind: that is the engine's back pressure.
 */
public interface OutcomeSink {

    void publish(BatchOutcome batch);
}
