package io.vigil.session;

import io.vigil.model.Event;
import io.vigil.model.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static io.vigil.session.ProbeRules.RULES;
import static io.vigil.session.ProbeRules.START;
import static org.assertj.core.api.Assertions.assertThat;

class BatchRunnerTest {

    private final List<BatchOutcome> published = new ArrayList<>();
    private final List<Runnable> uncommitted = new ArrayList<>();
    private final EngineSession session = EngineSession.create(RULES, SessionSetup.fresh(Duration.ofMinutes(15)), START);
    private final BatchRunner runner = new BatchRunner(session, batch -> {
        published.add(batch);
        uncommitted.add(batch.onCommitted());
    }, SnapshotPolicy.afterProcessStepsAndEvery(Duration.ofMinutes(5)), 0);

    @AfterEach
    void close() {
        session.close();
    }

    private static Event event(long id, String check) {
        return ProbeRules.event(id, check, START);
    }

    @Test
    void shouldPublishOneBatchPerTurnWithCheckpointClockAndFirings() {
        runner.run(List.of(List.of(event(1, "probe"), event(2, "probe"))), START + 100);

        assertThat(published).singleElement().satisfies(batch -> {
            assertThat(batch.lastEventId()).isEqualTo(2);
            assertThat(batch.sessionClock()).isEqualTo(START + 100);
            assertThat(batch.outcomes()).containsExactly(new Outcome.EventClassified(1, "probe", Status.WARNING),
                    new Outcome.EventClassified(2, "probe", Status.WARNING));
            assertThat(batch.firings()).hasSize(2);
            assertThat(batch.lastFiringId()).isEqualTo(2);
            assertThat(batch.snapshot()).isNull();
        });
    }

    @Test
    void shouldSkipEventsTheSessionHasSeenAlready() {
        runner.run(List.of(List.of(event(1, "probe"), event(2, "probe"))), START);
        runner.run(List.of(List.of(event(2, "probe"), event(3, "probe"))), START);

        assertThat(published.get(1).outcomes()).containsExactly(new Outcome.EventClassified(3, "probe", Status.WARNING));
        assertThat(runner.lastEventId()).isEqualTo(3);
    }

    @Test
    void shouldPublishNothingForATurnWithNothingInIt() {
        runner.run(List.of(), START + 100);

        assertThat(published).isEmpty();
        assertThat(session.clock()).isEqualTo(START + 100);
    }

    @Test
    void shouldAnswerACommandOnlyOnceItsBatchIsCommitted() {
        CompletableFuture<CommandResult> answer = new CompletableFuture<>();

        runner.run(List.of(new EngineInbox.PendingCommand(new EngineCommand.Resolve(4, "bob"), answer)), START);

        assertThat(published).hasSize(1);
        assertThat(answer).isNotDone();
        uncommitted.forEach(Runnable::run);
        assertThat(answer).isCompletedWithValue(CommandResult.notFound(
                "incident 4 has no running process (it does not exist or was closed)"));
    }

    @Test
    void shouldPublishWhatAFailingBatchDidAndMoveThePoisonEventBehindTheCheckpoint() {
        CompletableFuture<CommandResult> answer = new CompletableFuture<>();

        runner.run(List.of(List.of(event(1, "probe"), event(2, "poison")),
                new EngineInbox.PendingCommand(new EngineCommand.Acknowledge(4, "bob"), answer)), START);
        uncommitted.forEach(Runnable::run);
        runner.run(List.of(List.of(event(3, "probe"))), START);

        assertThat(published.get(0).lastEventId()).isEqualTo(2);
        assertThat(answer).isCompletedExceptionally();
        assertThat(published.get(1).outcomes()).containsExactly(new Outcome.EventClassified(3, "probe", Status.WARNING));
    }

    @Test
    void shouldSnapshotWhenTheIntervalHasPassedSinceTheLastSnapshot() {
        runner.run(List.of(List.of(event(1, "probe"))), START + Duration.ofMinutes(4).toMillis());
        runner.run(List.of(List.of(event(2, "probe"))), START + Duration.ofMinutes(5).toMillis());

        assertThat(published.get(0).snapshot()).isNull();
        assertThat(published.get(1).snapshot()).isNotNull()
                .satisfies(s -> assertThat(s.lastEventId()).isEqualTo(2));
    }

    @Test
    void shouldPublishAFinalSnapshotOnRequest() {
        runner.run(List.of(List.of(event(1, "probe"))), START);

        runner.publishSnapshot();

        assertThat(published).hasSize(2);
        assertThat(published.get(1).snapshot().lastEventId()).isEqualTo(1);
        assertThat(published.get(1).outcomes()).isEmpty();
    }
}
