package io.vigil.web.alert;

import io.vigil.alert.Matchers;
import io.vigil.alert.SilenceDefinition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SilenceFormTest {

    private static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");

    @Test
    void shouldReadTheMatchersOfTheFilledLinesAndStartNowForTheDuration() {
        List<String> errors = new ArrayList<>();

        SilenceDefinition silence = new SilenceForm("resource=\"db01\"\r\n\r\n  check=~\"disk|mysql\"\n", "", "4h", "",
                "Europe/Berlin", " storage migration ").definition("olga", NOW, errors);

        assertThat(errors).isEmpty();
        assertThat(silence).isEqualTo(new SilenceDefinition(Matchers.parse(List.of("resource=\"db01\"", "check=~\"disk|mysql\"")),
                NOW, Instant.parse("2026-12-02T00:00:00Z"), "olga", "storage migration"));
    }

    @Test
    void shouldTakeTimesInTheBrowsersZoneAndAnEndOverTheDuration() {
        List<String> errors = new ArrayList<>();

        SilenceDefinition silence = new SilenceForm("resource=\"db01\"", "2026-12-01T22:00", "1h", "2026-12-02T02:30:15",
                "Asia/Kolkata", "night window").definition("olga", NOW, errors);

        assertThat(errors).isEmpty();
        assertThat(silence.start()).isEqualTo(Instant.parse("2026-12-01T16:30:00Z"));
        assertThat(silence.end()).isEqualTo(Instant.parse("2026-12-01T21:00:15Z"));
    }

    @Test
    void shouldNameEveryProblemByItsLineOrField() {
        List<String> errors = new ArrayList<>();

        SilenceDefinition silence = new SilenceForm("resource=\"db01\"\n\ncheck=~\"disk(\"\nregion eu", "tonight", "1h",
                "2026-13-01T00:00", "Mars/Olympus", "  ").definition("olga", NOW, errors);

        assertThat(silence).isNull();
        assertThat(errors).containsExactly(
                "line 3: matcher \"check=~\\\"disk(\\\"\": invalid regex: Unclosed group near index 5",
                "line 4: matcher \"region eu\": expected name, operator (=, !=, =~, !~) and a quoted value",
                "zone: \"Mars/Olympus\" is not a time zone such as Europe/Berlin",
                "start: \"tonight\" is not a date and time such as 2026-12-01T22:00",
                "end: \"2026-13-01T00:00\" is not a date and time such as 2026-12-01T22:00",
                "comment: expected 1 to 1024 characters of text");
    }

    @Test
    void shouldRefuseNoMatchersAnEndBeforeTheStartAndAnUnknownDuration() {
        assertThat(errors(new SilenceForm(" \n", "", "2h", "", "UTC", "why"))).containsExactly(
                "matchers: expected 1 to 20 matchers, one per line, such as resource=\"db01\", got none",
                "duration: expected one of 1h, 4h, 1d, 1w (or an end), got \"2h\"");
        assertThat(errors(new SilenceForm("team!=\"ops\"", "2026-12-01T22:00", "1h", "2026-12-01T21:00", "UTC", "why")))
                .containsExactly("end: 2026-12-01T21:00 is not after start 2026-12-01T22:00",
                        "matchers: every matcher matches an empty value, so the silence would match every alert;"
                                + " at least one must name something");
        assertThat(errors(new SilenceForm("resource=\"db01\"", "", "1h", "2026-12-01T19:00", null, "why")))
                .containsExactly("end: 2026-12-01T19:00 is not after start now");
    }

    private static List<String> errors(SilenceForm form) {
        List<String> errors = new ArrayList<>();
        assertThat(form.definition("olga", NOW, errors)).isNull();
        return errors;
    }
}
