package io.tessera.channel.intake;

import io.tessera.shared.TeamId;

/**
 * Where a raw message came from, as known before it is read.
 *
 * @param source    the path it arrived by
 * @param mailboxId the polled mailbox, or {@code null} for SMTP and the pipe
 * @param remoteUid the mailbox's id of the message (IMAP {@code UIDVALIDITY:UID}, POP3 UIDL); with
 *                  {@code mailboxId} it makes a second sight of the same message a duplicate
 * @param recipient the support address it was sent to (SMTP envelope recipient, mailbox address), or null
 * @param team      the team the address feeds, or {@code null} for none
 */
public record Arrival(MailSource source, Long mailboxId, String remoteUid, String recipient, TeamId team) {

    public static Arrival smtp(String recipient, TeamId team) {
        return new Arrival(MailSource.SMTP, null, null, recipient, team);
    }

    public static Arrival pipe(String recipient, TeamId team) {
        return new Arrival(MailSource.PIPE, null, null, recipient, team);
    }
}
