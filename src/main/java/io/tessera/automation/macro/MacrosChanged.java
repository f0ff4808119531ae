package io.tessera.automation.macro;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/**
 * Someone created, changed or deleted a macro; recorded in the audit trail. Shared macros act on every
 * agent's tickets, so who changed one matters; personal ones are recorded the same way, for one rule.
 */
public record MacrosChanged(String action, long macroId, String summary, Initiator by) implements AuditableEvent {

    @Override
    public AuditRecord audit() {
        return new AuditRecord(by, action, "macro", macroId, summary);
    }
}
