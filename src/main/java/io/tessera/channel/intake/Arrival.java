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

    /** A message of a polled IMAP mailbox; {@code uid} is {@code UIDVALIDITY:UID}, unique for the folder's lifetime. */
    public static Arrival imap(long mailboxId, String uid, String supportAddress, TeamId team) {
        return new Arrival(MailSource.IMAP, mailboxId, uid, supportAddress, team);
    }

    /** A message of a polled POP3 mailbox; {@code uidl} is the server's unique id of it (UIDL). */
    public static Arrival pop3(long mailboxId, String uidl, String supportAddress, TeamId team) {
        return new Arrival(MailSource.POP3, mailboxId, uidl, supportAddress, team);
    }
}
