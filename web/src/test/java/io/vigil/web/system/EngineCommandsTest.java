package io.vigil.web.system;

import io.vigil.session.EngineCommand;
import io.vigil.session.EngineInbox;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EngineCommandsTest {

    @Test
    void shouldAnswer503WithRetryAfterAndSayTheOutcomeIsOpenWhenTheEngineDoesNotConfirmInTime() {
        EngineCommands commands = new EngineCommands(new EngineInbox(10), Duration.ofSeconds(1));

        assertThatThrownBy(() -> commands.execute(new EngineCommand.Acknowledge(7, "alice"), "incident 7")
                .get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(ResponseStatusException.class)
                .satisfies(e -> {
                    ResponseStatusException answer = (ResponseStatusException) e;
                    assertThat(answer.getStatusCode().value()).isEqualTo(503);
                    assertThat(answer.getReason()).isEqualTo("the engine did not confirm within 1 s (its database may be"
                            + " slow or unreachable); incident 7 may still change: look at it before you retry");
                    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
                });
    }
}
