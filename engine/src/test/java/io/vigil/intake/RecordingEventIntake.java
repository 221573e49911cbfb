package io.vigil.intake;

import io.vigil.model.EventDraft;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link EventIntake} for intake tests: "commits" at once by default and records
 * the drafts; can refuse submissions, fail commits, or hold commits back to test back pressure.
 */
public final class RecordingEventIntake implements EventIntake {

    private final List<EventDraft> committed = new ArrayList<>();
    private final List<List<EventDraft>> submissions = new ArrayList<>();
    private final List<Runnable> held = new ArrayList<>();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicLong nextId = new AtomicLong(1);
    private boolean holding;

    @Override
    public synchronized CompletableFuture<List<Long>> submit(List<EventDraft> drafts) {
        if (refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IntakeRejectedException("engine queue is full", 1);
        }
        submissions.add(List.copyOf(drafts));
        CompletableFuture<List<Long>> result = new CompletableFuture<>();
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            result.completeExceptionally(new IllegalStateException("journal is down"));
        } else if (holding) {
            held.add(() -> commit(drafts, result));
        } else {
            commit(drafts, result);
        }
        return result;
    }

    /** The next {@code times} submissions throw IntakeRejectedException. */
    public void refuseNext(int times) {
        refusalsLeft.set(times);
    }

    /** The next {@code times} submissions are taken but their commit fails. */
    public void failNext(int times) {
        failuresLeft.set(times);
    }

    /** Submissions from now on wait for {@link #releaseCommits()}. */
    public synchronized void holdCommits() {
        holding = true;
    }

    public void releaseCommits() {
        List<Runnable> release;
        synchronized (this) {
            holding = false;
            release = List.copyOf(held);
            held.clear();
        }
        release.forEach(Runnable::run);
    }

    public synchronized List<EventDraft> committed() {
        return List.copyOf(committed);
    }

    /** Every submission taken (committed, held or failed), in order. */
    public synchronized List<List<EventDraft>> submissions() {
        return List.copyOf(submissions);
    }

    /** Waits until at least {@code count} drafts are committed; returns them all. */
    public List<EventDraft> awaitCommitted(int count, Duration timeout) throws InterruptedException {
        return Await.atLeast(count, this::committed, timeout);
    }

    private void commit(List<EventDraft> drafts, CompletableFuture<List<Long>> result) {
        List<Long> ids = new ArrayList<>();
        synchronized (this) {
            for (EventDraft draft : drafts) {
                committed.add(draft);
                ids.add(nextId.getAndIncrement());
            }
        }
        result.complete(ids);
    }
}
