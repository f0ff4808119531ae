package io.tessera.shared;

/**
 * An application event that belongs in the admin audit trail. Modules publish such events from their
 * facades; the audit module records them in the same transaction, so a change and its audit line commit
 * together or not at all.
 */
public interface AuditableEvent {

    AuditRecord audit();
}
