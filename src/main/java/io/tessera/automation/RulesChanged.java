package io.tessera.automation;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/** An admin created, changed, reordered or deleted a rule; recorded in the audit trail with the change. */
public record RulesChanged(String action, Long ruleId, String summary, Initiator by) implements AuditableEvent {

    @Override
    public AuditRecord audit() {
        return new AuditRecord(by, action, "rule", ruleId, summary);
    }
}
