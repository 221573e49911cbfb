package io.vigil.web.system;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vigil.intake.syslog.SyslogCounters;
import io.vigil.intake.syslog.SyslogServer;
import io.vigil.journal.JournalCommits;
import io.vigil.journal.JournalWriter;
import io.vigil.session.Engine;
import io.vigil.session.EngineInbox;
import io.vigil.session.EngineStatistics;
import io.vigil.store.OutcomeWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The pipeline's own figures for {@code /actuator/prometheus}, read from the stages when scraped
 * (nothing on the hot path changes): how far each stage is behind, what syslog received, and the
 * open alerts, running incidents and undelivered notifications (counted by indexed queries). The
 * JVM, HTTP server and connection pool figures come from Spring Boot itself.
 */
@Component
class PipelineMetrics implements MeterBinder {

    private final EngineInbox inbox;
    private final Engine engine;
    private final JournalWriter journal;
    private final OutcomeWriter outcomes;
    private final SyslogServer syslog;
    private final JdbcTemplate jdbc;

    PipelineMetrics(EngineInbox inbox, Engine engine, JournalWriter journal, OutcomeWriter outcomes, SyslogServer syslog,
                    DataSource dataSource) {
        this.inbox = inbox;
        this.engine = engine;
        this.journal = journal;
        this.outcomes = outcomes;
        this.syslog = syslog;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "vigil.engine.queue", "events journaled and waiting for the engine", "events", inbox,
                EngineInbox::backlog);
        gauge(registry, "vigil.engine.queue.capacity", "how many events may wait for the engine before intake pushes back",
                "events", inbox, EngineInbox::capacity);
        gauge(registry, "vigil.journal.last.id", "the newest event id committed to the journal since start", null, journal,
                JournalWriter::lastJournaledId);
        gauge(registry, "vigil.engine.last.id", "the newest event id the engine has processed", null, engine,
                Engine::lastEventId);
        gauge(registry, "vigil.engine.lag", "journaled events the engine has not processed yet", "events", this,
                metrics -> Math.max(0, metrics.journal.lastJournaledId() - metrics.engine.lastEventId()));
        gauge(registry, "vigil.outcomes.backlog", "engine batches waiting to be stored", "batches", outcomes,
                OutcomeWriter::backlog);
        gauge(registry, "vigil.outcomes.pending", "outcomes and firings decided and not stored yet (bounded)", "items",
                outcomes, OutcomeWriter::backlogItems);
        gauge(registry, "vigil.outcomes.lag", "events the engine has processed whose outcomes are not stored yet (0 until "
                + "the first commit after a start)", "events", this, metrics -> metrics.outcomes.lastStoredEventId() == 0 ? 0
                : Math.max(0, metrics.engine.lastEventId() - metrics.outcomes.lastStoredEventId()));
        FunctionCounter.builder("vigil.journal.commits", journal.commits(), JournalCommits::commits)
                .description("group commits that stored events in the journal").register(registry);
        FunctionCounter.builder("vigil.journal.committed", journal.commits(), JournalCommits::events).baseUnit("events")
                .description("events stored by those commits; divided by the commits, the mean batch size").register(registry);
        FunctionCounter.builder("vigil.journal.commit.time", journal.commits(), JournalCommits::seconds).baseUnit("seconds")
                .description("time those commits took; divided by the commits, the mean commit latency").register(registry);
        // Histograms, so Prometheus can give percentiles over any window (histogram_quantile).
        Timer commitLatency = Timer.builder("vigil.journal.commit.latency")
                .description("how long each journal group commit took, from its first statement to the commit's answer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30)).register(registry);
        DistributionSummary commitSize = DistributionSummary.builder("vigil.journal.commit.size").baseUnit("events")
                .description("events stored by each journal group commit")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(10_000.0).register(registry);
        journal.commits().observe((events, nanos) -> {
            commitLatency.record(nanos, TimeUnit.NANOSECONDS);
            commitSize.record(events);
        });
        FunctionCounter.builder("vigil.syslog.udp.kernel.drops", syslog, server -> Math.max(0, server.udpKernelDrops()))
                .description("syslog datagrams the kernel dropped because the UDP receive buffer was full (Linux)")
                .register(registry);
        gauge(registry, "vigil.syslog.udp.queue", "memory taken by syslog datagrams received and waiting to be parsed "
                + "and journaled (beyond VIGIL_SYSLOG_UDPQUEUE they are dropped and counted as rejected)", "bytes", syslog,
                SyslogServer::udpQueuedBytes);
        FunctionCounter.builder("vigil.engine.turns", engine.statistics(), EngineStatistics::turns)
                .description("engine turns, each a batch of events and commands").register(registry);
        FunctionCounter.builder("vigil.engine.turn.time", engine.statistics(), EngineStatistics::turnSeconds).baseUnit("seconds")
                .description("time the engine's turns took; divided by the turns, the mean batch time").register(registry);
        engine.statistics().onNewRule((rule, figures) -> {
            FunctionCounter.builder("vigil.rule.firings", figures, EngineStatistics.RuleFigures::firings)
                    .description("firings per rule since start").tag("rule", rule).register(registry);
            FunctionCounter.builder("vigil.rule.time", figures, EngineStatistics.RuleFigures::seconds).baseUnit("seconds")
                    .description("time spent in each rule's consequences since start").tag("rule", rule).register(registry);
        });
        syslog.countersByTransport().forEach((transport, counters) -> {
            syslogCounter(registry, transport, counters, "received", SyslogCounters::received);
            syslogCounter(registry, transport, counters, "accepted", SyslogCounters::accepted);
            syslogCounter(registry, transport, counters, "dead_lettered", SyslogCounters::deadLettered);
            syslogCounter(registry, transport, counters, "rejected", SyslogCounters::rejected);
            syslogCounter(registry, transport, counters, "oversized", SyslogCounters::oversized);
            if (transport.equals(SyslogServer.TLS) || transport.equals(SyslogServer.RELP)) {
                FunctionCounter.builder("vigil.syslog.refused.clients", counters, SyslogCounters::refusedClients)
                        .description("TLS clients refused: failed handshake or not on the allow-list")
                        .tag("transport", transport).register(registry);
            }
        });
        count(registry, "vigil.alerts.open", "alerts not cleared",
                "SELECT COUNT(*) FROM alert WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'SHELVED')");
        count(registry, "vigil.incidents.open", "incidents still being worked (open, acknowledged, investigating)",
                "SELECT COUNT(*) FROM incident WHERE state IN ('OPEN', 'ACKNOWLEDGED', 'INVESTIGATING')");
        count(registry, "vigil.notifications.pending", "notifications decided but not delivered yet",
                "SELECT COUNT(*) FROM notification WHERE state = 'PENDING'");
    }

    private static <T> void gauge(MeterRegistry registry, String name, String description, String unit, T source,
                                  ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).baseUnit(unit).register(registry);
    }

    private static void syslogCounter(MeterRegistry registry, String transport, SyslogCounters counters, String result,
                                      ToDoubleFunction<SyslogCounters> value) {
        FunctionCounter.builder("vigil.syslog.messages", counters, value)
                .description("syslog messages by transport and what became of them")
                .tag("transport", transport).tag("result", result).register(registry);
    }

    private void count(MeterRegistry registry, String name, String description, String sql) {
        gauge(registry, name, description, null, jdbc, template -> {
            Long count = template.queryForObject(sql, Long.class);
            return count == null ? 0 : count;
        });
    }
}
