/**
 * The admin audit trail: every {@link io.tessera.shared.AuditableEvent} any module publishes is recorded,
 * in the publishing transaction, and shown to admins at {@code /admin/audit}. Depends only on shared.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.tessera.audit;
