package io.tessera.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} jobs: the outbox sender, the inbound-mail sweep, mailbox polling. Each job
 * is safe to run on several nodes at once (claims by conditional update or {@code SKIP LOCKED}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {
}
