package io.vigil.reliability;

import io.vigil.reliability.check.DeliveryCheck;
import io.vigil.reliability.load.Answer;
import io.vigil.reliability.load.AnswerLog;
import io.vigil.reliability.load.HealthProbe;
import io.vigil.reliability.load.LoadEvents;
import io.vigil.reliability.load.RestLoad;
import io.vigil.reliability.load.SyslogTcpLoad;
import io.vigil.reliability.process.ChildProcesses;
import io.vigil.reliability.process.PrivateMariaDb;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Scenarios 2 and 3: the server's database fails under REST and syslog TCP load and comes back.
 * Judged: no acknowledged event lost or left unprocessed, nothing stored twice; every answer a
 * 202, or a 429/503 with Retry-After and a problem+json body; health answering within
 * {@link #HEALTH_LIMIT} throughout. Measured: DB back → first 202, and → the engine checkpoint
 * at the journal's last id as it stood when the DB came back.
 */
final class DatabaseOutage {

    /**
     * A database failure and its end.
     *
     * @param name what the figures call it
     */
    record Fault(String name, Consumer<PrivateMariaDb> inject, Consumer<PrivateMariaDb> end) {
    }

    /** "Within ~2 s", with half a second for a busy 2-core machine. */
    static final Duration HEALTH_LIMIT = Duration.ofMillis(2_500);
    private static final Duration STEADY = Duration.ofSeconds(5);
    private static final Duration AFTER = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofMinutes(3);

    private DatabaseOutage() {
    }

    static void run(RunSize size, String scenario, Fault fault, Duration outage) {
        ScenarioReport report = new ScenarioReport(scenario, size);
        report.run(() -> {
            try (Deployment deployment = Deployment.start(size, scenario)) {
                report.figures.add("first start (empty schema)", deployment.firstStart.toMillis() + " ms")
                        .add("fault", fault.name() + " of the private mariadbd, for " + outage.toSeconds() + " s");
                underLoad(deployment, fault, outage, report);
            }
        });
    }

    private static void underLoad(Deployment deployment, Fault fault, Duration outage, ScenarioReport report) {
        LoadEvents events = new LoadEvents("outage");
        DeliveryCheck.Scope scope = new DeliveryCheck.Scope(events.markerPrefix(), deployment.stored.lastJournalId());
        AnswerLog answers = new AnswerLog();
        RestLoad rest = new RestLoad(deployment.server.uri("/api/v1/events"), deployment.token, ServerKillIT.REST, events, answers);
        SyslogTcpLoad syslog = new SyslogTcpLoad(deployment.server.syslogTcpPort(), events, ServerKillIT.SYSLOG_LINES_PER_SECOND, 100_000);
        HealthProbe health = new HealthProbe(deployment.server.uri("/actuator/health"));
        Instant faulted;
        Instant back;
        try {
            ChildProcesses.pause(STEADY);
            faulted = Instant.now();
            fault.inject().accept(deployment.db);
            ChildProcesses.pause(outage);
            fault.end().accept(deployment.db);
            back = Instant.now();
            recovery(deployment, answers, back, report);
            ChildProcesses.pause(AFTER);
        } finally {
            rest.stop();
            syslog.stop();
            health.close();
        }
        judgeHealth(health, faulted, back, report);
        judgeAnswers(answers, report);
        report.figures.heading("delivery").add("server alive throughout", deployment.server.alive())
                .add("syslog TCP writes that failed", syslog.failedWrites() + " (connections " + syslog.connections() + ")")
                .add("engine caught up after the load", CatchUp.await(deployment.stored, ServerKillIT.CATCH_UP, report));
        if (!deployment.server.alive()) {
            report.fail("the server died during the database outage; the end of its log:\n" + deployment.server.tail());
        }
        DeliveryCheck.judge(scope, rest.batches(), syslog.written(), deployment.stored, report.figures).failures().forEach(report::fail);
    }

    /** DB back → first 202, and → the engine checkpoint at the journal's end as it stood then. */
    private static void recovery(Deployment deployment, AnswerLog answers, Instant back, ScenarioReport report) {
        long journaledWhenBack = deployment.stored.lastJournalId();
        Instant caughtUp = CatchUp.until(deployment.stored, journaledWhenBack, RECOVERY);
        Optional<Instant> firstAccepted = awaitFirstAccepted(answers, back);
        report.figures.heading("recovery")
                .add("DB back → first 202", firstAccepted.map(t -> millis(back, t)).orElse("none within " + RECOVERY.toSeconds() + " s"))
                .add("DB back → engine checkpoint at the journal's last id when the DB came back (" + journaledWhenBack + ")",
                        caughtUp == null ? "not within " + RECOVERY.toSeconds() + " s" : millis(back, caughtUp));
        if (firstAccepted.isEmpty()) {
            report.fail("no 202 within " + RECOVERY.toSeconds() + " s after the database came back");
        }
        if (caughtUp == null) {
            report.fail("the engine did not catch up with the journal (" + journaledWhenBack + ") within "
                    + RECOVERY.toSeconds() + " s after the database came back");
        }
    }

    private static Optional<Instant> awaitFirstAccepted(AnswerLog answers, Instant back) {
        Instant deadline = Instant.now().plus(RECOVERY);
        Optional<Instant> first = answers.firstAcceptedAfter(back);
        while (first.isEmpty() && Instant.now().isBefore(deadline)) {
            ChildProcesses.pause(Duration.ofMillis(100));
            first = answers.firstAcceptedAfter(back);
        }
        return first;
    }

    private static void judgeHealth(HealthProbe health, Instant faulted, Instant back, ScenarioReport report) {
        List<Answer> during = health.during(faulted, back);
        Optional<Answer> slowest = health.slowestDuring(faulted, back);
        report.figures.heading("health during the outage")
                .add("probes in flight", during.size())
                .add("statuses", during.stream().map(Answer::status).distinct().sorted().toList())
                .add("slowest", slowest.map(Answer::describe).orElse("(no probe)"));
        if (during.isEmpty()) {
            report.fail("no health probe was in flight during the outage (the prober stopped)");
        }
        slowest.filter(a -> a.status() == Answer.NO_ANSWER || a.latency().compareTo(HEALTH_LIMIT) > 0)
                .ifPresent(a -> report.fail("health did not answer within " + HEALTH_LIMIT.toMillis() + " ms during the outage: "
                        + a.describe() + " (" + during.stream().filter(p -> p.status() == Answer.NO_ANSWER
                        || p.latency().compareTo(HEALTH_LIMIT) > 0).count() + " of " + during.size() + " probes too slow)"));
    }

    private static void judgeAnswers(AnswerLog answers, ScenarioReport report) {
        List<Answer> improper = answers.matching(a -> a.status() != Answer.NO_ANSWER && !a.proper());
        List<Answer> unanswered = answers.matching(a -> a.status() == Answer.NO_ANSWER);
        report.figures.heading("answers")
                .add("by status (-1: none)", answers.countByStatus())
                .add("slowest 202", answers.matching(Answer::accepted).stream().map(Answer::latency).max(Duration::compareTo)
                        .map(d -> d.toMillis() + " ms").orElse("(none)"))
                .add("refusals seen", answers.distinctRefusals());
        if (!improper.isEmpty()) {
            report.fail(improper.size() + " answers were neither 202 nor a 429/503 with Retry-After and a problem+json body, e.g. "
                    + improper.stream().limit(3).map(Answer::describe).toList());
        }
        if (!unanswered.isEmpty()) {
            report.fail(unanswered.size() + " requests got no answer from the running server, e.g. "
                    + unanswered.stream().limit(3).map(Answer::describe).toList());
        }
    }

    private static String millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() + " ms";
    }
}
