package io.vigil.session;

import io.vigil.model.Event;
import io.vigil.model.Status;
import io.vigil.testing.engine.TestSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Process steps that come faster than snapshots are affordable are held back and published
 * together with the next snapshot: the checkpoint never passes a process step without one.
 * Runs on the real rule set, where a CRITICAL element opens an incident process.
 */
class SnapshotHoldingTest {

    private static final long T0 = TestSession.START.toEpochMilli();

    private final List<BatchOutcome> published = new ArrayList<>();
    private final List<Runnable> uncommitted = new ArrayList<>();
    private final EngineSession session = EngineSession.create(TestSession.ruleSet(),
            SessionSetup.fresh(Duration.ofMinutes(15)), T0);
    // A gap no test run reaches: every process step after the first snapshot is held.
    private final BatchRunner runner = new BatchRunner(session, batch -> {
        published.add(batch);
        uncommitted.add(batch.onCommitted());
    }, SnapshotPolicy.afterProcessStepsAndEvery(Duration.ofMinutes(5)).withMinGap(Duration.ofHours(1)), 0);

    @AfterEach
    void close() {
        session.close();
    }

    private static List<Event> critical(long id, String resource) {
        return List.of(new Event(id, T0, T0, "rest", "tester", resource, "disk", Status.CRITICAL, null, "", Map.of()));
    }

    @Test
    void shouldHoldProcessStepsUntilASnapshotIsAffordableAndPublishThemWithIt() {
        runner.run(List.of(critical(1, "db01")), T0);
        assertThat(published).singleElement().satisfies(batch -> {
            assertThat(batch.snapshot()).isNotNull();
            assertThat(batch.outcomes()).hasAtLeastOneElementOfType(Outcome.IncidentOpened.class);
        });

        CompletableFuture<CommandResult> acknowledged = new CompletableFuture<>();
        runner.run(List.of(critical(2, "db02")), T0 + 10);
        runner.run(List.of(new EngineInbox.PendingCommand(new EngineCommand.Acknowledge(1, "bob"), acknowledged)), T0 + 20);
        runner.run(List.of(List.of(new Event(3, T0, T0, "rest", "tester", "web01", "http", Status.NORMAL, null, "",
                Map.of()))), T0 + 30);

        assertThat(published).as("held: the checkpoint may not pass these process steps yet").hasSize(1);
        uncommitted.forEach(Runnable::run);
        assertThat(acknowledged).as("answered only once committed").isNotDone();

        runner.publishSnapshot();

        assertThat(published).hasSize(2);
        BatchOutcome released = published.get(1);
        assertThat(released.lastEventId()).isEqualTo(3);
        assertThat(released.snapshot()).isNotNull().satisfies(s -> assertThat(s.lastEventId()).isEqualTo(3));
        assertThat(released.outcomes()).filteredOn(Outcome.IncidentOpened.class::isInstance).singleElement()
                .satisfies(o -> assertThat(((Outcome.IncidentOpened) o).resource()).isEqualTo("db02"));
        assertThat(released.outcomes()).hasAtLeastOneElementOfType(Outcome.IncidentAcknowledged.class);
        assertThat(released.outcomes()).contains(new Outcome.EventClassified(3, "operational", Status.NORMAL));
        uncommitted.get(1).run();
        assertThat(acknowledged).isCompletedWithValue(CommandResult.done());
    }
}
