package io.vigil.session.replay;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayOptionsTest {

    @Test
    void shouldReadEveryOption() {
        ReplayOptions options = ReplayOptions.parse(new String[]{
                "--events", "night.jsonl", "--services", "shop.yml", "--policies", "policies.yml", "--rules", "my-rules",
                "--until", "2026-01-05T12:00:00+01:00", "--escalate-after", "30s"});

        assertThat(options).isEqualTo(new ReplayOptions(Path.of("night.jsonl"), Path.of("shop.yml"),
                Path.of("policies.yml"), Path.of("my-rules"), Instant.parse("2026-01-05T11:00:00Z"), Duration.ofSeconds(30),
                false));
    }

    @Test
    void shouldEscalateAfterFifteenMinutesAndRunToTheLastEventByDefault() {
        ReplayOptions options = ReplayOptions.parse(new String[]{"--events", "night.jsonl"});

        assertThat(options.escalateAfter()).isEqualTo(Duration.ofMinutes(15));
        assertThat(options.until()).isNull();
        assertThat(options.services()).as("no service tree").isNull();
        assertThat(options.rules()).as("the rules in the jar").isNull();
    }

    @Test
    void shouldRunTheRuleTestsOfADirectoryWithoutEvents() {
        ReplayOptions options = ReplayOptions.parse(new String[]{"--rules", "my-rules", "--tests"});

        assertThat(options.tests()).isTrue();
        assertThat(options.rules()).isEqualTo(Path.of("my-rules"));
        assertThatThrownBy(() -> ReplayOptions.parse(new String[]{"--tests", "--events", "e.jsonl"}))
                .hasMessage("--tests runs the rule set's own tests and takes only --rules");
    }

    @Test
    void shouldAcceptShortAndIsoDurations() {
        assertThat(ReplayOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(ReplayOptions.duration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(ReplayOptions.duration("PT15M")).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldNameWhatIsWrongWithTheArguments() {
        assertThatThrownBy(() -> ReplayOptions.parse(new String[]{}))
                .hasMessage("--events is required (or --tests to run the rule tests)");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[]{"--events"}))
                .hasMessage("option --events needs a value");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[]{"--event", "x.jsonl"}))
                .hasMessage("unknown option \"--event\"");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[]{"--events", "x", "--until", "tomorrow"}))
                .hasMessage("--until \"tomorrow\" is not an ISO-8601 time with offset, e.g. 2026-01-05T10:30:00Z");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[]{"--events", "x", "--escalate-after", "soon"}))
                .hasMessage("--escalate-after \"soon\" is not a positive duration like 15m, 30s, 1h or PT15M");
    }
}
