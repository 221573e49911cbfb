package io.vigil.web.system;

import io.vigil.audit.AuditTrail;
import io.vigil.audit.jdbc.JdbcAuditTrail;
import io.vigil.store.DowntimeQueries;
import io.vigil.store.ElementStatusQueries;
import io.vigil.store.AlertQueries;
import io.vigil.store.EventQueries;
import io.vigil.store.SilenceQueries;
import io.vigil.store.IncidentQueries;
import io.vigil.store.NotificationQueries;
import io.vigil.store.PolicyQueries;
import io.vigil.store.ServiceQueries;
import io.vigil.store.SlaQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/** The read side the API and console show: plain JDBC queries over what the writers stored. */
@Configuration(proxyBeanMethods = false)
class QueryConfig {

    @Bean
    EventQueries eventQueries(DataSource dataSource) {
        return new EventQueries(dataSource);
    }

    @Bean
    AlertQueries alertQueries(DataSource dataSource) {
        return new AlertQueries(dataSource);
    }

    @Bean
    SilenceQueries silenceQueries(DataSource dataSource) {
        return new SilenceQueries(dataSource);
    }

    @Bean
    IncidentQueries incidentQueries(DataSource dataSource) {
        return new IncidentQueries(dataSource);
    }

    @Bean
    NotificationQueries notificationQueries(DataSource dataSource) {
        return new NotificationQueries(dataSource);
    }

    @Bean
    PolicyQueries policyQueries(DataSource dataSource) {
        return new PolicyQueries(dataSource);
    }

    @Bean
    ElementStatusQueries elementStatusQueries(DataSource dataSource) {
        return new ElementStatusQueries(dataSource);
    }

    @Bean
    ServiceQueries serviceQueries(DataSource dataSource) {
        return new ServiceQueries(dataSource);
    }

    @Bean
    SlaQueries slaQueries(DataSource dataSource) {
        return new SlaQueries(dataSource);
    }

    @Bean
    DowntimeQueries downtimeQueries(DataSource dataSource) {
        return new DowntimeQueries(dataSource);
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource) {
        return new JdbcAuditTrail(dataSource);
    }
}
