package io.vigil.web.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenUsesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    private record Write(long tokenId, Instant usedAt) {
    }

    private final List<Write> writes = new ArrayList<>();

    @Test
    void shouldWriteOnlyTheLatestUseOfEachTokenPerRound() {
        TokenUses uses = new TokenUses((id, at) -> writes.add(new Write(id, at)));
        uses.record(1, T0.plusSeconds(5));
        uses.record(1, T0.plusSeconds(9));
        uses.record(1, T0.plusSeconds(7));
        uses.record(2, T0);

        uses.flush();
        uses.flush();

        assertThat(writes).containsExactlyInAnyOrder(new Write(1, T0.plusSeconds(9)), new Write(2, T0));
    }

    @Test
    void shouldKeepAUseWhoseWriteFailedForTheNextRound() {
        boolean[] databaseDown = {true};
        TokenUses uses = new TokenUses((id, at) -> {
            if (databaseDown[0]) {
                throw new IllegalStateException("Connection is not available");
            }
            writes.add(new Write(id, at));
        });
        uses.record(1, T0);
        uses.flush();
        databaseDown[0] = false;

        uses.flush();

        assertThat(writes).containsExactly(new Write(1, T0));
    }

    @Test
    void shouldWriteWhatIsLeftWhenClosed() {
        TokenUses uses = new TokenUses((id, at) -> writes.add(new Write(id, at)));
        uses.record(3, T0);

        uses.close();

        assertThat(writes).containsExactly(new Write(3, T0));
    }
}
