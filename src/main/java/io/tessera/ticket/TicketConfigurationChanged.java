package io.tessera.ticket;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/**
 * An admin changed how tickets work: a custom field, a ticket form, a status, a type, a tag or a ticket
 * setting. Published by the ticket module's admin facades and recorded in the audit trail with the change.
 *
 * @param action e.g. {@code custom_field.created}, {@code ticket_type.renamed}, {@code tag.deleted}
 */
public record TicketConfigurationChanged(String action, String subjectType, Long subjectId, String summary,
                                         Initiator by) implements AuditableEvent {

    public AuditRecord audit() {
        return new AuditRecord(by, action, subjectType, subjectId, summary);
    }
}
