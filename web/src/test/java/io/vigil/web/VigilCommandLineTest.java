package io.vigil.web;

import io.vigil.web.VigilCommandLine.Kind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VigilCommandLineTest {

    @Test
    void shouldStartTheServerWithItsSettings() {
        assertThat(VigilCommandLine.parse()).isEqualTo(new VigilCommandLine(Kind.SERVER, List.of(), null));
        assertThat(VigilCommandLine.parse("--server.port=9090", "--vigil.syslog.udp-port=-1", "--PORT=9091", "--debug"))
                .isEqualTo(new VigilCommandLine(Kind.SERVER,
                        List.of("--server.port=9090", "--vigil.syslog.udp-port=-1", "--PORT=9091", "--debug"), null));
    }

    @Test
    void shouldHandReplayItsOwnArguments() {
        assertThat(VigilCommandLine.parse("replay", "--events", "e.jsonl", "--bogus"))
                .isEqualTo(new VigilCommandLine(Kind.REPLAY, List.of("--events", "e.jsonl", "--bogus"), null));
    }

    @Test
    void shouldHelpWithTheServerAndTheMainSettings() {
        for (String ask : List.of("--help", "-h", "help")) {
            VigilCommandLine help = VigilCommandLine.parse(ask);
            assertThat(help.kind()).isEqualTo(Kind.HELP);
            assertThat(help.text()).contains("java -jar vigil.jar [--name=value ...]").contains("java -jar vigil.jar replay --events")
                    .contains("VIGIL_DB_URL").contains("VIGIL_DB_EMBEDDED_DIR").contains("PORT").contains("VIGIL_ADMIN_PASSWORD")
                    .contains("Exit codes: 0 done; 1 could not start or run (the reason is printed); 2 bad command line.");
        }
        assertThat(VigilCommandLine.parse("--server.port=1", "--help").kind()).isEqualTo(Kind.HELP);
    }

    @Test
    void shouldHelpWithReplaysOptions() {
        VigilCommandLine help = VigilCommandLine.parse("replay", "--events", "x.jsonl", "--help");

        assertThat(help.kind()).isEqualTo(Kind.HELP);
        assertThat(help.text()).startsWith("Usage: java -jar vigil.jar replay --events FILE.jsonl")
                .contains("--services FILE.yml").contains("--until ISO-8601").contains("--escalate-after 15m");
        assertThat(VigilCommandLine.parse("replay", "-h").text()).isEqualTo(help.text());
    }

    @Test
    void shouldRefuseWhatItCannotTakeInOneLine() {
        assertThat(refusal("serve")).isEqualTo("unknown command \"serve\": the commands are replay and help (see --help)");
        assertThat(refusal("--port=9090")).isEqualTo("unknown option \"--port=9090\": settings are --name=value with a name of"
                + " vigil.*, server.*, spring.*, logging.*, management.* or PORT, e.g. --server.port=9090 (see --help)");
        assertThat(refusal("--server.port")).startsWith("unknown option \"--server.port\": settings are --name=value");
        assertThat(refusal("--verbose")).startsWith("unknown option \"--verbose\"");
        assertThat(refusal("-v")).isEqualTo("unknown option \"-v\" (see --help)");
        assertThat(refusal("-Dserver.port=9090")).isEqualTo(
                "\"-Dserver.port=9090\" is an option for java: put it before -jar, as in java -Dserver.port=9090 -jar vigil.jar");
        assertThat(refusal("--server.port=9090", "extra")).startsWith("unknown command \"extra\"");
    }

    private static String refusal(String... args) {
        VigilCommandLine command = VigilCommandLine.parse(args);
        assertThat(command.kind()).isEqualTo(Kind.INVALID);
        assertThat(command.text()).doesNotContain("\n");
        return command.text();
    }
}
