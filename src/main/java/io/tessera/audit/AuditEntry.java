package io.tessera.audit;

import java.time.Instant;

import io.tessera.shared.Actor;

/** One recorded audit line. */
public record AuditEntry(long id, Instant occurredAt, Actor actor, String actorName, String action,
                         String subjectType, Long subjectId, String summary) {
}
