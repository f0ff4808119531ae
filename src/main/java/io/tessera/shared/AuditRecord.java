package io.tessera.shared;

/**
 * One line of the admin audit trail: who ({@code by}) did what ({@code action}, e.g.
 * {@code agent.deactivated}) to which record, described for a human in {@code summary}.
 */
public record AuditRecord(Initiator by, String action, String subjectType, Long subjectId, String summary) {
}
