package io.vigil.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link DeadLetterStore} for intake tests. */
public final class RecordingDeadLetterStore implements DeadLetterStore {

    private final List<DeadLetter> letters = new ArrayList<>();

    @Override
    public synchronized void record(DeadLetter letter) {
        letters.add(letter);
    }

    @Override
    public synchronized long count() {
        return letters.size();
    }

    public synchronized List<DeadLetter> letters() {
        return List.copyOf(letters);
    }

    /** Waits until at least {@code count} letters are recorded; returns them all. */
    public List<DeadLetter> await(int count, Duration timeout) throws InterruptedException {
        return Await.atLeast(count, this::letters, timeout);
    }
}
