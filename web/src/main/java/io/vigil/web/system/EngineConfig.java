package io.vigil.web.system;

import io.vigil.intake.http.EventJsonParser;
import io.vigil.intake.syslog.SyslogServer;
import io.vigil.intake.syslog.SyslogSettings;
import io.vigil.journal.JournalSettings;
import io.vigil.journal.JournalWriter;
import io.vigil.journal.jdbc.JdbcJournalStore;
import io.vigil.notify.ChannelType;
import io.vigil.notify.NotificationDispatcher;
import io.vigil.notify.NotificationText;
import io.vigil.notify.channel.EmailChannel;
import io.vigil.notify.channel.SlackChannel;
import io.vigil.notify.channel.WebhookChannel;
import io.vigil.session.Engine;
import io.vigil.session.EngineInbox;
import io.vigil.session.EngineSettings;
import io.vigil.session.Outcome;
import io.vigil.ruleset.BacktestStore;
import io.vigil.ruleset.RuleSetLibrary;
import io.vigil.session.RuleSet;
import io.vigil.store.JdbcDeadLetterStore;
import io.vigil.store.JdbcRecoverySource;
import io.vigil.store.OutcomeWriter;
import io.vigil.store.OutcomeWriterSettings;
import io.vigil.store.jdbc.CheckpointTable;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;

/**
 * The pipeline's parts as beans, built in flow order: engine inbox, journal writer, outcome
 * writer, engine, syslog server, notification dispatcher. Those that read stored state when built wait for Flyway.
 * Starting and stopping them in order is {@link PipelineLifecycle}'s job; their own close
 * methods (idempotent) are the fallback when the context fails half-way.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfig {

    @Bean
    EngineInbox engineInbox(VigilProperties properties) {
        return new EngineInbox(properties.engine().queueCapacity());
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcJournalStore journalStore(DataSource dataSource, JournalPool appendPool) {
        return new JdbcJournalStore(dataSource, appendPool.dataSource());
    }

    @Bean
    @DependsOnDatabaseInitialization
    JournalWriter journalWriter(JdbcJournalStore journal, EngineInbox inbox) {
        return new JournalWriter(journal, inbox, JournalSettings.defaults());
    }

    @Bean
    @DependsOnDatabaseInitialization
    OutcomeWriter outcomeWriter(DataSource dataSource) {
        return new OutcomeWriter(dataSource, OutcomeWriterSettings.defaults());
    }

    @Bean
    @DependsOnDatabaseInitialization
    RuleSetLibrary ruleSetLibrary(DataSource dataSource, Clock clock) {
        return new RuleSetLibrary(dataSource, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    BacktestStore backtestStore(DataSource dataSource, Clock clock) {
        return new BacktestStore(dataSource, clock);
    }

    /**
     * Starts with the active stored rule-set version (the shipped rules on a first start, see
     * {@link RuleSetLibrary#activeForStart}); recovers from stored state when started (see
     * {@link PipelineLifecycle}), not when built.
     */
    @Bean
    @DependsOnDatabaseInitialization
    Engine engine(VigilProperties properties, EngineInbox inbox, OutcomeWriter outcomes, JdbcJournalStore journal,
                  DataSource dataSource, RuleSetLibrary ruleSets) {
        EngineSettings settings = EngineSettings.defaults().withBatchSize(properties.engine().batchSize())
                .withFireBudget(properties.engine().fireBudget())
                .withLinger(properties.engine().linger())
                .withEscalationInterval(properties.escalation().after())
                .withCloseResolvedAfter(properties.escalation().closeResolved());
        RuleSet active = ruleSets.activeForStart(RuleSet.fromClasspath(),
                new CheckpointTable(dataSource).checkpoint().lastEventId());
        return new Engine(active, settings, inbox, outcomes, new JdbcRecoverySource(dataSource, journal, ruleSets));
    }

    @Bean
    @DependsOnDatabaseInitialization
    JdbcDeadLetterStore deadLetterStore(DataSource dataSource) {
        return new JdbcDeadLetterStore(dataSource);
    }

    @Bean
    SyslogServer syslogServer(VigilProperties properties, JournalWriter journal, JdbcDeadLetterStore deadLetters) {
        return new SyslogServer(properties.syslog().settings(), journal, deadLetters);
    }

    /**
     * Sends what the engine stored in the outbox, one channel per kind; woken when a batch with
     * notifications commits, and otherwise looking every second for retries that came due.
     */
    @Bean
    @DependsOnDatabaseInitialization
    NotificationDispatcher notificationDispatcher(VigilProperties properties, DataSource dataSource, OutcomeWriter outcomes) {
        NotificationText text = new NotificationText(properties.notifications().consoleUrl());
        NotificationDispatcher dispatcher = new NotificationDispatcher(dataSource, List.of(
                new EmailChannel(properties.mail().settings(), text), new WebhookChannel(text),
                new SlackChannel(ChannelType.SLACK, text), new SlackChannel(ChannelType.MATTERMOST, text)),
                properties.notifications().dispatcherSettings());
        outcomes.addListener(committed -> {
            if (committed.stream().anyMatch(Outcome.NotificationDecided.class::isInstance)) {
                dispatcher.wake();
            }
        });
        return dispatcher;
    }

    @Bean
    EventJsonParser eventJsonParser(Clock clock, VigilProperties properties) {
        return new EventJsonParser(clock, properties.intake().eventLimits());
    }
}
