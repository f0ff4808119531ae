package io.tessera.channel;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/**
 * An admin changed how email works or acted on a mail: SMTP settings saved or removed, a template saved or
 * reset, a team's mail rules saved, a stored mail reprocessed, an outbox mail sent again, a test mail sent.
 * Published by {@link EmailAdministration} and recorded in the audit trail with the change.
 *
 * @param action e.g. {@code smtp.saved}, {@code mail_template.reset}, {@code inbound_mail.reprocessed}
 */
public record EmailSettingsChanged(String action, String subjectType, Long subjectId, String summary, Initiator by)
        implements AuditableEvent {

    @Override
    public AuditRecord audit() {
        return new AuditRecord(by, action, subjectType, subjectId, summary);
    }
}
