package io.tessera.channel.mailbox;

import io.tessera.shared.AuditRecord;
import io.tessera.shared.AuditableEvent;
import io.tessera.shared.Initiator;

/**
 * An admin changed a mailbox or polled it by hand; recorded in the audit trail with the change. The summary
 * names what changed ("password changed"), never a password.
 *
 * @param action e.g. {@code mailbox.created}, {@code mailbox.disabled}, {@code mailbox.polled}
 */
public record MailboxChanged(String action, long mailboxId, String summary, Initiator by) implements AuditableEvent {

    @Override
    public AuditRecord audit() {
        return new AuditRecord(by, action, "mailbox", mailboxId, summary);
    }
}
