package io.vigil.session;

import io.vigil.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static io.vigil.session.ProbeRules.START;
import static org.assertj.core.api.Assertions.assertThat;

class EngineInboxTest {

    private final EngineInbox inbox = new EngineInbox(100);

    private List<Event> committed(long firstId, long lastId) {
        assertThat(inbox.tryReserve((int) (lastId - firstId + 1))).isTrue();
        List<Event> events = LongStream.rangeClosed(firstId, lastId).mapToObj(id -> ProbeRules.event(id, "probe", START)).toList();
        inbox.deliver(events);
        return events;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> ids(Object chunk) {
        return ((List<Event>) chunk).stream().map(Event::getId).toList();
    }

    @Test
    void shouldCutACommitLargerThanATurnAndGiveTheRestFirstNextTime() throws Exception {
        committed(1, 10);
        var command = inbox.submit(new EngineCommand.Acknowledge(7, "ann"));
        committed(11, 12);

        List<Object> first = inbox.drain(4, 0);
        assertThat(first).hasSize(1);
        assertThat(ids(first.get(0))).containsExactly(1L, 2L, 3L, 4L);
        assertThat(inbox.backlog()).as("the rest still holds its room").isEqualTo(8);

        List<Object> second = inbox.drain(4, 0);
        assertThat(ids(second.get(0))).containsExactly(5L, 6L, 7L, 8L);

        List<Object> third = inbox.drain(4, 0);
        assertThat(third).hasSize(3);
        assertThat(ids(third.get(0))).containsExactly(9L, 10L);
        assertThat(third.get(1)).isInstanceOfSatisfying(EngineInbox.PendingCommand.class,
                pending -> assertThat(pending.result()).isSameAs(command));
        assertThat(ids(third.get(2))).containsExactly(11L, 12L);
        assertThat(inbox.backlog()).isZero();
        assertThat(inbox.drain(4, 0)).isEmpty();
    }

    @Test
    void shouldLingerForCommitsThatArriveSoonAfterTheFirstOne() throws Exception {
        committed(1, 2);
        Thread later = new Thread(() -> {
            sleep(30);
            committed(3, 4);
        });
        later.start();

        List<Object> taken = inbox.drain(100, 0, TimeUnit.SECONDS.toNanos(2));
        later.join();

        assertThat(taken).extracting(EngineInboxTest::ids).containsExactly(List.of(1L, 2L), List.of(3L, 4L));
    }

    @Test
    void shouldNotLingerWithoutLingerTimeNorOnceTheTurnIsFull() throws Exception {
        committed(1, 2);
        Thread later = new Thread(() -> {
            sleep(300);
            committed(3, 4);
        });
        later.start();

        assertThat(inbox.drain(100, 0)).extracting(EngineInboxTest::ids).containsExactly(List.of(1L, 2L));
        assertThat(inbox.drain(2, 1_000, TimeUnit.SECONDS.toNanos(30))).as("full at once: no lingering")
                .extracting(EngineInboxTest::ids).containsExactly(List.of(3L, 4L));
        later.join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldTakeWholeCommitsThatFit() throws Exception {
        committed(1, 3);
        committed(4, 5);

        List<Object> taken = inbox.drain(5, 0);

        assertThat(taken).hasSize(2);
        assertThat(ids(taken.get(0))).containsExactly(1L, 2L, 3L);
        assertThat(ids(taken.get(1))).containsExactly(4L, 5L);
        assertThat(inbox.backlog()).isZero();
    }
}
