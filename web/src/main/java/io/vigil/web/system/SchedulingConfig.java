package io.vigil.web.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the console's periodic work (the live event feed's poll). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfig {
}
