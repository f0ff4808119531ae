package io.tessera.routing;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/**
 * A team's strategy, or an agent's skills, capacity or shift changed; recorded in the admin audit trail.
 * {@code subjectType} is {@code team} or {@code agent}.
 */
public record RoutingChanged(String action, String subjectType, long subjectId, String summary, Initiator by)
        implements AuditableEvent {

    @Override
    public AuditRecord audit() {
        return new AuditRecord(by, action, subjectType, subjectId, summary);
    }
}
