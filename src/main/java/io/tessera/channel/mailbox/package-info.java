/**
 * Mailboxes admins configure (IMAP or POP3 accounts) and the poller that fetches their mail into the intake.
 *
 * <p>Every enabled mailbox is polled on its own schedule and on its own thread ({@link PollScheduler}), so a
 * mailbox whose server hangs or refuses the login never holds up another. A poll claims its mailbox in the
 * database first ({@link Mailboxes#claim}), so two nodes never poll the same one at once. Each message is
 * handed to {@link io.tessera.channel.intake.MailIntake} and flagged or deleted on the server only after the
 * intake has stored and committed it ({@link ImapFetch}, {@link Pop3Fetch}): a crash in between leaves it on
 * the server, and the next poll finds it stored already (same mailbox and UID) and only flags it.
 */
package io.tessera.channel.mailbox;
