package io.vigil.alert;

import io.vigil.model.Event;
import io.vigil.model.Severity;
import io.vigil.model.Status;
import io.vigil.testing.service.JavaSerialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatcherTest {

    private static final MatchTarget EVENT = new MatchTarget("collector-eu", "web01", "http", "availability",
            "CRITICAL", "frankfurt", Map.of("env", "prod", "region", "eu-west", "resource", "shadowed"));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        "env=\"prod\"              ; true",
        "env=\"production\"        ; false",
        "env!=\"prod\"             ; false",
        "env!=\"test\"             ; true",
        "region=~\"eu-.*\"         ; true",
        "region=~\"eu\"            ; false",
        "region=~\"west\"          ; false",
        "region!~\"us-.*\"         ; true",
        "region!~\"eu-west|us-.*\" ; false",
        "check=~\"http|ping\"      ; true",
        "status=\"CRITICAL\"       ; true",
        "location=\"frankfurt\"    ; true",
        "source=\"collector-eu\"   ; true",
        "category=~\"avail.*\"     ; true",
        "resource=\"web01\"        ; true",
        "resource=\"shadowed\"     ; false",
    })
    void shouldCompareWithEachOperatorOnTheWholeValue(String text, boolean matches) {
        assertThat(Matcher.parse(text).matches(EVENT)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "team=\"\"       | true",
        "team!=\"ops\"   | true",
        "team=\"ops\"    | false",
        "team=~\".*\"    | true",
        "team=~\".+\"    | false",
        "team!~\".+\"    | true",
    })
    void shouldReadAMissingAttributeAsEmpty(String text, boolean matches) {
        Matcher matcher = Matcher.parse(text);

        assertThat(matcher.matches(EVENT)).isEqualTo(matches);
        assertThat(matcher.matchesEmpty()).isEqualTo(matches);
    }

    @Test
    void shouldUnescapeTheValueAndWriteItBackCanonically() {
        Matcher matcher = Matcher.parse("  msg =~ \"say \\\"hi\\\"\\\\d+\\n\"  ");

        assertThat(matcher.name()).isEqualTo("msg");
        assertThat(matcher.operator()).isEqualTo(Matcher.Operator.REGEX);
        assertThat(matcher.value()).isEqualTo("say \"hi\"\\d+\n");
        assertThat(matcher.matches(name -> "say \"hi\"42\n")).isTrue();
        assertThat(matcher.toString()).isEqualTo("msg=~\"say \\\"hi\\\"\\\\d+\\n\"");
        assertThat(Matcher.parse(matcher.toString())).isEqualTo(matcher);
        assertThat(Matcher.of("msg", Matcher.Operator.REGEX, "say \"hi\"\\d+\n")).isEqualTo(matcher);
    }

    @Test
    void shouldSeeAnEventsEffectiveFieldsAndItsAttributes() {
        Event event = new Event(1, 0, 0, "http", "collector-eu", "web01", "http", null, Severity.ERROR, "down",
                Map.of("env", "prod", "check", "shadowed"));
        event.setStatus(Status.CRITICAL);
        event.setCategory("availability");

        MatchTarget target = MatchTarget.of(event, "frankfurt");

        assertThat(target).isEqualTo(new MatchTarget("collector-eu", "web01", "http", "availability", "CRITICAL",
                "frankfurt", Map.of("env", "prod", "check", "shadowed")));
        assertThat(Matcher.parse("check=\"http\"").matches(target)).isTrue();
        assertThat(Matcher.parse("env=\"prod\"").matches(target)).isTrue();
    }

    @Test
    void shouldAcceptAttributeNamesOfStructuredData() {
        assertThat(Matcher.parse("origin@32473.ip=\"10.0.0.7\"").matches(name -> "10.0.0.7")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "foo                | matcher \"foo\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "env=prod           | matcher \"env=prod\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "=\"prod\"          | matcher \"=\\\"prod\\\"\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "1env=\"prod\"      | matcher \"1env=\\\"prod\\\"\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "env==\"prod\"      | matcher \"env==\\\"prod\\\"\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "env=\"a\"b\"       | matcher \"env=\\\"a\\\"b\\\"\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "env=\"a\\\"        | matcher \"env=\\\"a\\\\\\\"\": expected name, operator (=, !=, =~, !~) and a quoted value",
        "env=\"a\\.b\"      | matcher \"env=\\\"a\\\\.b\\\"\": invalid escape \\. in value (the only escapes are \\\", \\\\ and \\n)",
        "check=~\"disk(\"   | matcher \"check=~\\\"disk(\\\"\": invalid regex: Unclosed group near index 5",
        "check!~\"*\"       | matcher \"check!~\\\"*\\\"\": invalid regex: Dangling meta character '*' near index 0",
    })
    void shouldSayWhatIsWrongWithAMatcher(String text, String error) {
        assertThatThrownBy(() -> Matcher.parse(text)).isInstanceOf(MatcherSyntaxException.class).hasMessage(error);
    }

    @Test
    void shouldRefuseABadNameOrRegexBuiltInCode() {
        assertThatThrownBy(() -> Matcher.of("a b", Matcher.Operator.EQUAL, "x")).hasMessage(
                "matcher \"a b=\\\"x\\\"\": expected name, operator (=, !=, =~, !~) and a quoted value");
        assertThatThrownBy(() -> Matcher.of("check", Matcher.Operator.NOT_REGEX, "(")).hasMessage(
                "matcher \"check!~\\\"(\\\"\": invalid regex: Unclosed group near index 1");
    }

    @Test
    void shouldStillMatchAfterJavaSerializationAsTheSessionMarshallerDoes() {
        Matchers matchers = new Matchers(List.of(Matcher.parse("region=~\"eu-.*\""), Matcher.parse("env!=\"test\"")));

        Matchers copy = JavaSerialization.roundTrip(matchers);

        assertThat(copy).isEqualTo(matchers);
        assertThat(copy.matches(EVENT)).isTrue();
        assertThat(copy.matches(name -> "us-east")).isFalse();
    }
}
