/**
 * Wiring that belongs to no single capability: the {@link java.time.Clock}, settings under
 * {@code tessera.*}, the security filter chains (browser, API, operations), error pages and RFC 9457
 * problem responses, and the shared page layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package io.tessera.system;
