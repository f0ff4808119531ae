package io.tessera.sla;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/** An admin created, changed, reordered or deleted a calendar or an SLA policy; kept in the audit trail. */
public record SlaChanged(String action, String subject, Long id, String summary, Initiator by) implements AuditableEvent {

    @Override
    public AuditRecord audit() {
        return new AuditRecord(by, action, subject, id, summary);
    }
}
