package io.vigil.session.replay;

import io.vigil.model.Event;
import io.vigil.notify.policy.PolicyDocument;
import io.vigil.notify.policy.PolicyDocumentException;
import io.vigil.service.ServiceDefinitionException;
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
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

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
        ServiceTreeDefinition services;
        try {
            services = options.services() == null ? null : ServiceTreeParser.parse(Files.readString(options.services()));
        } catch (ServiceDefinitionException e) {
            err.println("replay: services file \"" + options.services() + "\": " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("replay: services file \"" + options.services() + "\" does not exist");
            return 2;
        } catch (IOException e) {
            err.println("replay: cannot read services file \"" + options.services() + "\": " + e.getMessage());
            return 1;
        }
        PolicyDocument policies;
        try {
            policies = options.policies() == null ? PolicyDocument.NONE
                    : PolicyDocument.parse(Files.readString(options.policies()));
        } catch (PolicyDocumentException e) {
            err.println("replay: policies file \"" + options.policies() + "\": " + e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            err.println("replay: policies file \"" + options.policies() + "\" does not exist");
            return 2;
        } catch (IOException e) {
            err.println("replay: cannot read policies file \"" + options.policies() + "\": " + e.getMessage());
            return 1;
        }
        RuleSet ruleSet;
        try {
            ruleSet = RuleSet.fromClasspath();
        } catch (RuleSetCompileException e) {
            err.println("replay: " + e.getMessage());
            return 1;
        }

        JsonMapper json = JsonMapper.builder().build();
        ReplaySummary summary = new ReplaySummary();
        long start = events.isEmpty()
                ? (options.until() == null ? 0 : options.until().toEpochMilli())
                : events.get(0).getOccurredAt();
        try (EngineSession session = EngineSession.create(ruleSet,
                SessionSetup.fresh(options.escalateAfter()).withPolicies(policies), start)) {
            BatchRunner runner = new BatchRunner(session, new ReplayPrinter(json, out, summary), SnapshotPolicy.never(), 0);
            if (services != null) {
                runner.run(List.of(new EngineInbox.PendingCommand(new EngineCommand.ReplaceServiceTree(services,
                        ServiceTreeExporter.toYaml(services), "replay"), new CompletableFuture<>())), start);
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
}
