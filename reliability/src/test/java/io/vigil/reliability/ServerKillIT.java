package io.vigil.reliability;

import io.vigil.reliability.check.DeliveryCheck;
import io.vigil.reliability.check.Incidents;
import io.vigil.reliability.check.StoredIncident;
import io.vigil.reliability.load.AnswerLog;
import io.vigil.reliability.load.LoadEvents;
import io.vigil.reliability.load.RestLoad;
import io.vigil.reliability.load.SyslogTcpLoad;
import io.vigil.reliability.process.ChildProcesses;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1: the server is killed with -9 under REST and syslog TCP load, and started again, in
 * rounds. After each round every 202'd event is in the journal under the id it was given and was
 * processed exactly once; an incident opened before the kill and one opened after the restart
 * both keep escalating and can be acknowledged and resolved; no two incidents share a jBPM
 * process instance.
 */
class ServerKillIT {

    static final RestLoad.Settings REST = new RestLoad.Settings(2, 25, Duration.ofMillis(100), 200_000, Duration.ofMinutes(10));
    static final int SYSLOG_LINES_PER_SECOND = 100;
    static final Duration CATCH_UP = Duration.ofMinutes(2);
    /** Escalations every 5 s: after a restart each incident must climb within a few intervals. */
    private static final Duration ESCALATES = Deployment.ESCALATION_AFTER.multipliedBy(6);

    private final RunSize size = RunSize.fromSystemProperties();
    private final ScenarioReport report = new ScenarioReport("ServerKillIT", size);
    private final AnswerLog answers = new AnswerLog();

    @Test
    void shouldLoseNothingAndProcessEverythingOnceAcrossKill9Restarts() {
        report.run(() -> {
            try (Deployment deployment = Deployment.start(size, "ServerKillIT")) {
                report.figures.add("first start (empty schema)", deployment.firstStart.toMillis() + " ms");
                for (int round = 1; round <= size.rounds(); round++) {
                    report.figures.heading("round " + round);
                    playRound(deployment, round);
                }
                report.figures.heading("all rounds").add("answers by status (-1: none)", answers.countByStatus());
                Map<Long, List<Long>> shared = deployment.stored.sharedProcessInstanceIds();
                report.figures.add("incidents sharing a process instance id", shared);
                if (!shared.isEmpty()) {
                    report.fail("incidents share jBPM process instance ids (process id = incident ids): " + shared);
                }
            }
        });
    }

    private void playRound(Deployment deployment, int number) {
        String round = "round " + number + ": ";
        String resource = "kill-round-" + number;
        LoadEvents events = new LoadEvents("round" + number);
        DeliveryCheck.Scope scope = new DeliveryCheck.Scope(events.markerPrefix(), deployment.stored.lastJournalId());
        Incidents incidents = new Incidents(deployment.api, deployment.stored, deployment.token);
        RestLoad rest = new RestLoad(deployment.server.uri("/api/v1/events"), deployment.token, REST, events, answers);
        SyslogTcpLoad syslog = new SyslogTcpLoad(deployment.server.syslogTcpPort(), events, SYSLOG_LINES_PER_SECOND, 100_000);
        try {
            ChildProcesses.pause(Duration.ofSeconds(3));
            StoredIncident before = incidents.open(resource + "-before");
            int levelAtKill = deployment.stored.incident(before.id()).escalationLevel();

            deployment.server.kill9();
            Instant killed = Instant.now();
            report.figures.add("restart after kill -9 until UP", deployment.server.start(Deployment.START).toMillis() + " ms");

            StoredIncident after = incidents.open(resource + "-after");
            incidents.escalatesBeyond(before, levelAtKill, ESCALATES).ifPresent(f -> report.fail(round + "opened before the kill: " + f));
            incidents.escalatesBeyond(after, 0, ESCALATES).ifPresent(f -> report.fail(round + "opened after the restart: " + f));
            incidents.acknowledgeAndResolve(before).forEach(f -> report.fail(round + "opened before the kill: " + f));
            incidents.acknowledgeAndResolve(after).forEach(f -> report.fail(round + "opened after the restart: " + f));
            report.figures.add("kill → first 202", answers.firstAcceptedAfter(killed)
                    .map(t -> Duration.between(killed, t).toMillis() + " ms").orElse("none"));
        } finally {
            rest.stop();
            syslog.stop();
        }
        report.figures.add("syslog TCP writes that failed (server gone)", syslog.failedWrites());
        report.figures.add("engine caught up after the load", CatchUp.await(deployment.stored, CATCH_UP, report));
        DeliveryCheck.judge(scope, rest.batches(), syslog.written(), deployment.stored, report.figures).failures()
                .forEach(f -> report.fail(round + f));
    }
}
