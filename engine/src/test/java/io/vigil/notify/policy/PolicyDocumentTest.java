package io.vigil.notify.policy;

import io.vigil.alert.MatchTarget;
import io.vigil.alert.Matchers;
import io.vigil.notify.ChannelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyDocumentTest {

    /** The shipped sample, read where it lives so that it cannot drift from what the parser accepts. */
    private static final Path SAMPLE = Path.of("../samples/policies/default.yml");

    @Test
    void shouldReadTheShippedSample() {
        PolicyDocument document = PolicyDocument.parse(sample());

        assertThat(document.users().values()).containsExactly(
                new UserDefinition("alice", "Alice Example", "alice@example.com"),
                new UserDefinition("bob", "Bob Example", "bob@example.com"),
                new UserDefinition("carol", "carol", "carol@example.com"));
        assertThat(document.channels().values()).containsExactly(
                new ChannelDefinition("ops-webhook", ChannelType.WEBHOOK, "http://127.0.0.1:9099/hook",
                        Map.of("secret", "change-me")),
                new ChannelDefinition("ops-chat", ChannelType.SLACK, "https://hooks.slack.com/services/T/B/X", Map.of()),
                new ChannelDefinition("ops-list", ChannelType.EMAIL, "ops@example.com", Map.of()));
        OnCallSchedule primary = document.schedules().get("primary");
        assertThat(document.schedules()).containsOnlyKeys("primary");
        assertThat(primary.zone().getId()).isEqualTo("Europe/London");
        assertThat(primary.layers()).containsExactly(new ScheduleLayer("weekly",
                LocalDateTime.parse("2026-11-02T09:00"), Rotation.WEEKLY, List.of("alice", "bob"),
                Restriction.NONE));
        assertThat(primary.overrides()).containsExactly(new ScheduleOverride("carol",
                LocalDateTime.parse("2026-12-24T09:00"), LocalDateTime.parse("2026-12-27T09:00")));
        assertThat(document.policies()).containsExactly(new EscalationPolicy("critical",
                Matchers.parse(List.of("status=\"CRITICAL\"")), List.of(), Duration.ofSeconds(30), true, 0,
                new Acceleration(0, new BigDecimal("0.5")), List.of(
                        new EscalationLevel(1, Duration.ZERO, List.of(new TargetRef(TargetKind.SCHEDULE, "primary"),
                                new TargetRef(TargetKind.CHANNEL, "ops-webhook"))),
                        new EscalationLevel(2, Duration.ofMinutes(5), List.of(new TargetRef(TargetKind.USER, "bob"),
                                new TargetRef(TargetKind.CHANNEL, "ops-list"))))));
        assertThat(document.text()).isEqualTo(sample());
    }

    @Test
    void shouldApplyDefaults() {
        EscalationPolicy policy = PolicyDocument.parse("users: {alice: {email: alice@example.com}}\n"
                + "policies:\n  - name: all\n    levels:\n      - notify: [user:alice]\n").policies().get(0);

        assertThat(policy.match()).isEqualTo(Matchers.NONE);
        assertThat(policy.services()).isEmpty();
        assertThat(policy.consolidate()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.autoResolve()).isTrue();
        assertThat(policy.repeat()).isZero();
        assertThat(policy.accelerate()).isEqualTo(Acceleration.NONE);
        assertThat(policy.levels().get(0).after()).isEqualTo(Duration.ZERO);
        assertThat(policy.levels().get(0).targets()).extracting(TargetRef::toString).containsExactly("user:alice");
    }

    @Test
    void shouldVersionByTheTextsSha256() {
        String text = "policies: []\n";

        // sha256sum of the same bytes
        assertThat(PolicyDocument.parse(text).version())
                .isEqualTo("d7c801e1e51d5e2754b96acda71180afb3378b0e8350ca9a714d490c9f1fb7be");
        assertThat(PolicyDocument.parse("policies: [] # changed\n").version()).hasSize(64)
                .isNotEqualTo(PolicyDocument.parse(text).version());
        assertThat(PolicyDocument.NONE.version()).isEqualTo("none");
        assertThat(PolicyDocument.NONE.policies()).isEmpty();
        assertThat(PolicyDocument.NONE.policyFor(target("web01", "CRITICAL"), Set.of())).isEmpty();
    }

    @Test
    void shouldReportEveryProblemInDocumentOrder() {
        assertErrors(fixture("error-many.yml"),
                "unknown key \"surprise\" at top level",
                "users.alice.email: \"alice\" is not an e-mail address",
                "users.bob: unknown key \"phone\"",
                "users.carol: missing key \"email\"",
                "users.carol.name: \"\" must not be blank",
                "channels.ops-webhook.url: \"ftp://x\" is not an http(s) URL",
                "channels.x.type: unknown channel type \"sms\" (use email, webhook, slack or mattermost)",
                "channels.chat: unknown key \"to\"",
                "channels.email: the name \"email\" is reserved for users' own addresses",
                "schedules.primary.timeZone: unknown time zone \"Europe/Lodnon\"",
                "schedules.primary.layers[0].rotation: \"monthly\" is not one of daily, weekly",
                "schedules.primary.layers[0].users: must name at least one user",
                "schedules.primary.layers[1].start: \"2026-13-02T09:00\" is not a local date-time (e.g. 2026-11-02T09:00)",
                "schedules.primary.layers[1].users[1]: 7 is not a user name",
                "schedules.primary.layers[1].users[2]: unknown user \"dave\"",
                "schedules.primary.layers[1].restrict.days[1]: \"funday\" is not a day (mon, tue, wed, thu, fri, sat, sun)",
                "schedules.primary.layers[1].restrict: to \"09:00\" is not after from \"17:00\"",
                "schedules.primary.overrides[0]: to 2026-12-24T09:00 is not after from 2026-12-27T09:00",
                "schedules.primary.overrides[1]: missing key \"to\"",
                "schedules.primary.overrides[1].user: unknown user \"erin\"",
                "schedules.empty.layers: must have at least one layer",
                "policies[0].match[1]: matcher \"foo\": expected name, operator (=, !=, =~, !~) and a quoted value",
                "policies[0].match[2]: 7 is not a matcher",
                "policies[0].services: must name at least one service (or be left out for all)",
                "policies[0].consolidate: \"soon\" is not a duration (e.g. 30s, 5m, 1h, 7d, 1w, 1mo)",
                "policies[0].autoResolve: \"yes\" is not true or false",
                "policies[0].repeat: -1 must be at least 0",
                "policies[0].accelerate.skipLevels: -1 must be at least 0",
                "policies[0].accelerate.delayFactor: 1.5 must be greater than 0 and at most 1",
                "policies[0].levels[0].notify[0]: unknown schedule \"primray\"",
                "policies[0].levels[0].notify[1]: \"team:ops\" is not user:<name>, schedule:<name> or channel:<name>",
                "policies[0].levels[1].notify: must name at least one target",
                "policies[0].levels[2]: missing key \"notify\"",
                "policies[1].name: \"critical\" repeats policies[0]",
                "policies[1].accelerate.skipLevels: 1 must be less than the number of levels (1)",
                "policies[2]: unknown key \"colour\"",
                "policies[2]: missing key \"name\"",
                "policies[2].levels[0].notify[0]: unknown channel \"pager\"");
    }

    /** One typo in the shipped sample, and the one error it makes. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "notify: [user:bob            | notify: [schedule:primray | policies[0].levels[1].notify[0]: unknown schedule \"primray\"",
        "Europe/London                | Europe/Lodnon             | schedules.primary.timeZone: unknown time zone \"Europe/Lodnon\"",
        "email: alice@example.com     | email: alice              | users.alice.email: \"alice\" is not an e-mail address",
        "http://127.0.0.1:9099/hook   | ftp://x                   | channels.ops-webhook.url: \"ftp://x\" is not an http(s) URL",
        "type: slack                  | type: sms                 | channels.ops-chat.type: unknown channel type \"sms\" (use email, webhook, slack or mattermost)",
        "rotation: weekly             | rotation: monthly         | schedules.primary.layers[0].rotation: \"monthly\" is not one of daily, weekly",
        "users: [alice, bob]          | users: []                 | schedules.primary.layers[0].users: must name at least one user",
        "users: [alice, bob]          | users: [alice, dave]      | schedules.primary.layers[0].users[1]: unknown user \"dave\"",
        "to: 2026-12-27T09:00         | to: 2026-12-24T09:00      | schedules.primary.overrides[0]: to 2026-12-24T09:00 is not after from 2026-12-24T09:00",
        "delayFactor: 0.5             | delayFactor: 0            | policies[0].accelerate.delayFactor: 0 must be greater than 0 and at most 1",
        "skipLevels: 0                | skipLevels: -1            | policies[0].accelerate.skipLevels: -1 must be at least 0",
        "repeat: 0                    | repeat: -2                | policies[0].repeat: -2 must be at least 0",
        "after: 5m                    | after: 5 minutes          | policies[0].levels[1].after: \"5 minutes\" is not a duration (e.g. 30s, 5m, 1h, 7d, 1w, 1mo)",
        "'accelerate: { '             | 'accelerate: { skip: 1, '   | policies[0].accelerate: unknown key \"skip\"",
    })
    void shouldReportATypoInTheSample(String written, String typo, String error) {
        String text = sample().replace(written, typo);
        assertThat(text).isNotEqualTo(sample());

        assertErrors(text, error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''                          | a policy document must be a map with the key \"policies\", not an empty document",
        "[1, 2]                      | a policy document must be a map with the key \"policies\", not (a list)",
        "users: {}                   | missing key \"policies\" at top level",
        "policies: 7                 | policies: 7 is not a list",
        "'policies: [7]'             | policies[0]: 7 is not a map",
        "'{users: {al ice: {email: a@example.com}}, policies: []}' | users: \"al ice\" is not a name (letters, digits, \".\", \"_\" and \"-\", starting with a letter or digit)",
        "'{users: {alice: 7}, policies: []}' | users.alice: 7 is not a map",
        "'{channels: {c: {type: email}}, policies: []}' | channels.c: missing key \"to\"",
        "'policies: [{name: p, levels: []}]' | policies[0].levels: must have at least one level",
        "'policies: [{name: p, levels: [{notify: [nobody]}]}]' | policies[0].levels[0].notify[0]: \"nobody\" is not user:<name>, schedule:<name> or channel:<name>",
        "'policies: [{name: p, levels: [{notify: [user:zed]}]}]' | policies[0].levels[0].notify[0]: unknown user \"zed\"",
        "'{users: {zed: {email: zed@example.com}}, policies: [{name: \" \", levels: [{notify: [user:zed]}]}]}' | policies[0].name: \" \" must not be blank",
        "'policies: [{name: p, levels: [{notify: [user:a]}]}]: x' | invalid yaml at line 1, column 52: mapping values are not allowed here",
    })
    void shouldReportWhatIsWrongWithTheDocument(String text, String error) {
        assertErrors(text, error);
    }

    @Test
    void shouldChooseTheFirstPolicyThatCoversTheAlert() {
        PolicyDocument document = PolicyDocument.parse(fixture("routing.yml"));

        assertThat(policyFor(document, target("db01", "CRITICAL"), "shop")).isEqualTo("shop-databases");
        assertThat(policyFor(document, target("db01", "WARNING"), "shop", "office")).isEqualTo("shop-databases");
        assertThat(policyFor(document, target("db01", "CRITICAL"), "office")).isEqualTo("critical");
        assertThat(policyFor(document, target("web01", "CRITICAL"))).isEqualTo("critical");
        assertThat(policyFor(document, target("web01", "WARNING"), "branch")).isEqualTo("office");
        assertThat(document.policyFor(target("db01", "WARNING"), Set.of("billing"))).isEmpty();
        assertThat(document.policyFor(target("web01", "WARNING"), Set.of())).isEmpty();
    }

    @Test
    void shouldResolveTheScheduleAtTheInstantAndReachEachRecipientOnce() {
        PolicyDocument document = PolicyDocument.parse(fixture("recipients.yml"));
        EscalationLevel level = document.policies().get(0).levels().get(0);
        Recipient alice = new Recipient("user:alice", "email", ChannelType.EMAIL, "alice@example.com", Map.of());
        Recipient bob = new Recipient("user:bob", "email", ChannelType.EMAIL, "bob@example.com", Map.of());
        Recipient hook = new Recipient("channel:hook", "hook", ChannelType.WEBHOOK, "https://hooks.example.com/vigil",
                Map.of("secret", "s3cret"));
        Recipient chat = new Recipient("channel:chat", "chat", ChannelType.MATTERMOST,
                "https://chat.example.com/hooks/abc", Map.of());
        Recipient list = new Recipient("channel:list", "list", ChannelType.EMAIL, "ops@example.com", Map.of());

        assertThat(document.recipients(level, Instant.parse("2026-11-02T10:00:00Z")))
                .containsExactly(alice, hook, chat, list);
        assertThat(document.recipients(level, Instant.parse("2026-11-03T10:00:00Z")))
                .containsExactly(bob, alice, hook, chat, list);
        assertThat(document.recipients(level, Instant.parse("2026-11-01T10:00:00Z")))
                .containsExactly(alice, hook, chat, list);
    }

    private static String policyFor(PolicyDocument document, MatchTarget target, String... services) {
        return document.policyFor(target, Set.of(services)).map(EscalationPolicy::name).orElse("(none)");
    }

    private static MatchTarget target(String resource, String status) {
        return new MatchTarget("nagios", resource, "ping", null, status, null, Map.of());
    }

    private static void assertErrors(String text, String... errors) {
        assertThatThrownBy(() -> PolicyDocument.parse(text)).isInstanceOfSatisfying(PolicyDocumentException.class,
                e -> assertThat(e.errors()).containsExactly(errors));
    }

    private static String sample() {
        try {
            return Files.readString(SAMPLE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = PolicyDocumentTest.class.getResourceAsStream("/policy/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
