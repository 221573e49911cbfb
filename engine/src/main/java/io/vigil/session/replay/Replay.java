package io.vigil.session.replay;

import io.vigil.config.DocumentException;
import io.vigil.model.Event;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.service.ServiceTreeDefinition;
import io.vigil.service.ServiceTreeExporter;
import io.vigil.service.ServiceTreeParser;
import io.vigil.session.BatchRunner;
import io.vigil.session.EngineCommand;
import io.vigil.session.EngineInbox;
import io.vigil.session.EngineSession;
import io.vigil.session.RuleSet;
import io.vigil.session.RuleSetCompileException;
import io.vigil.session.SessionSetup;
import io.vigil.session.SnapshotPolicy;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The analysts' what-if tool: {@code replay --events FILE.jsonl [--services FILE.yml]
 * [--policies FILE.yml] [--until ISO-8601] [--escalate-after 15m]} runs the real rules and processes of the classpath
 * on recorded events, in occurredAt order, with the pseudo clock moved to each event's time
 * before it goes in (and finally to {@code --until}), without a database. A service tree, when
 * given, is put in before the first event, as the engine's tree-replace command would; SLA
 * samples are taken as the clock moves, exactly as in the engine. Escalation policies, when given,
 * decide notifications as in the engine ({@code "kind":"notification"} lines); nothing is sent.
 * Prints every outcome as a JSON line, then one summary line (with every service's final status,
 * value and SLA, and how many notifications were decided). Nobody acknowledges anything in a
 * replay, so incidents escalate as they would if nobody answered.
 *
 * <p>Exit codes: 0 done; 2 bad arguments or input (the message names the line and field);
 * 1 the rule set does not compile or the file cannot be read.
 */
public final class Replay {

    private Replay() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            err.println(ReplayOptions.USAGE);
            return 2;
        }
        try (ReplayLogging ignored = ReplayLogging.divertTo(err)) {
            return replay(options, out, err);
        }
    }

    private static int replay(ReplayOptions options, PrintStream out, PrintStream err) {
        if (options.tests()) {
            return ruleTests(options, out, err);
        }
        List<Event> events;
        try {
            events = ReplayEvents.read(options.events(), options.until(), Clock.systemUTC());
        } catch (ReplayInputException e) {
            err.println("replay: " + options.events() + " " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("replay: events file \"" + options.events() + "\" does not exist");
            return 2;
        } catch (IOException e) {
            err.println("replay: cannot read events file \"" + options.events() + "\": " + e.getMessage());
            return 1;
        }
        Parsed<ServiceTreeDefinition> services = document("services", options.services(), null, ServiceTreeParser::parse, err);
        if (services.exitCode() != 0) {
            return services.exitCode();
        }
        Parsed<PolicyDocument> policies = document("policies", options.policies(), PolicyDocument.NONE,
                PolicyDocument::parse, err);
        if (policies.exitCode() != 0) {
            return policies.exitCode();
        }
        RuleSet ruleSet = ruleSet(options, err);
        if (ruleSet == null) {
            return 1;
        }

        JsonMapper json = JsonMapper.builder().build();
        ReplaySummary summary = new ReplaySummary();
        long start = events.isEmpty()
                ? (options.until() == null ? 0 : options.until().toEpochMilli())
                : events.get(0).getOccurredAt();
        try (EngineSession session = EngineSession.create(ruleSet,
                SessionSetup.fresh(options.escalateAfter()).withPolicies(policies.value()), start)) {
            BatchRunner runner = new BatchRunner(session, new ReplayPrinter(json, out, summary), SnapshotPolicy.never(), 0);
            if (services.value() != null) {
                runner.run(List.of(new EngineInbox.PendingCommand(new EngineCommand.ReplaceServiceTree(services.value(),
                        ServiceTreeExporter.toYaml(services.value()), "replay"), new CompletableFuture<>())), start);
            }
            for (Event event : events) {
                runner.run(List.of(List.of(event)), event.getOccurredAt());
            }
            if (options.until() != null) {
                runner.run(List.of(), options.until().toEpochMilli());
            }
            summary.services(session.services());
        }
        out.println(json.writeValueAsString(summary.line(events.size())));
        out.flush();
        return 0;
    }

    /**
     * {@code --tests}: runs the rule set's rule tests, one JSON line per test and a summary line
     * {@code {"tests":n,"passed":p,"failed":f}}; exit 0 when every test passed, 1 otherwise.
     */
    private static int ruleTests(ReplayOptions options, PrintStream out, PrintStream err) {
        RuleSet ruleSet = ruleSet(options, err);
        if (ruleSet == null) {
            return 1;
        }
        JsonMapper json = JsonMapper.builder().build();
        List<RuleTestResult> results = RuleTests.run(ruleSet);
        results.forEach(result -> out.println(json.writeValueAsString(result)));
        long passed = results.stream().filter(RuleTestResult::passed).count();
        out.println(json.writeValueAsString(Map.of("tests", results.size(), "passed", passed,
                "failed", results.size() - passed)));
        out.flush();
        if (results.isEmpty()) {
            err.println("replay: the rule set has no rule tests (rule-tests/…/*.yml)");
        }
        return passed == results.size() ? 0 : 1;
    }

    /** The rule set of --rules, or the one in the jar; null (the reason said) when it does not compile. */
    private static RuleSet ruleSet(ReplayOptions options, PrintStream err) {
        try {
            return options.rules() == null ? RuleSet.fromClasspath() : RuleSet.fromDirectory(options.rules());
        } catch (RuleSetCompileException | IllegalArgumentException e) {
            err.println("replay: " + e.getMessage());
            return null;
        }
    }

    /** A document file's content, or (exit code not 0) the reason replay stops, already said. */
    private record Parsed<T>(T value, int exitCode) {
    }

    /** Reads and parses the {@code what} file, or gives {@code absent} when none was named. */
    private static <T> Parsed<T> document(String what, Path file, T absent, Function<String, T> parse, PrintStream err) {
        if (file == null) {
            return new Parsed<>(absent, 0);
        }
        try {
            return new Parsed<>(parse.apply(Files.readString(file)), 0);
        } catch (DocumentException e) {
            err.println("replay: " + what + " file \"" + file + "\": " + e.getMessage());
            return new Parsed<>(null, 2);
        } catch (NoSuchFileException e) {
            err.println("replay: " + what + " file \"" + file + "\" does not exist");
            return new Parsed<>(null, 2);
        } catch (IOException e) {
            err.println("replay: cannot read " + what + " file \"" + file + "\": " + e.getMessage());
            return new Parsed<>(null, 1);
        }
    }
}
