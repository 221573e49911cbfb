package io.vigil.web.system;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Entities and repositories live in the engine's store packages, outside this application's
 * package, so they are named here (and not on the main class, to keep web slice tests free of JPA).
 */
@Configuration(proxyBeanMethods = false)
@EntityScan("io.vigil.store")
@EnableJpaRepositories("io.vigil.store")
class PersistenceConfig {
}
