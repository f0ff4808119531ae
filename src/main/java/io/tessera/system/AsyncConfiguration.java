package io.tessera.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Runs {@code @Async} methods — above all Spring Modulith's {@code @ApplicationModuleListener}s — on Spring
 * Boot's application task executor, so work that follows a commit (notifications) never holds up the
 * request that made the change. Without this, those listeners would run in the request thread.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration {
}
