package io.vigil.intake.syslog;

import io.vigil.intake.EventIntake;
import io.vigil.model.EventDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An {@link EventIntake} whose submissions commit only when the test says, in any order it likes. */
final class OutOfOrderIntake implements EventIntake {

    private final List<List<EventDraft>> submissions = new ArrayList<>();
    private final List<CompletableFuture<List<Long>>> commits = new ArrayList<>();

    @Override
    public CompletableFuture<List<Long>> submit(List<EventDraft> drafts) {
        submissions.add(List.copyOf(drafts));
        CompletableFuture<List<Long>> commit = new CompletableFuture<>();
        commits.add(commit);
        return commit;
    }

    /** Commits the {@code index}th submission (from 0). */
    void commit(int index) {
        List<Long> ids = submissions.get(index).stream().map(draft -> (long) index).toList();
        commits.get(index).complete(ids);
    }

    List<List<EventDraft>> submissions() {
        return List.copyOf(submissions);
    }
}
