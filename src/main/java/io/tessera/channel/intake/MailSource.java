package io.tessera.channel.intake;

/** The path a message arrived by. All of them feed the same pipeline. */
public enum MailSource {
    /** The built-in SMTP receiver. */
    SMTP,
    /** {@code POST /api/v1/mail/raw}, e.g. from a Postfix pipe. */
    PIPE,
    /** A polled IMAP mailbox. */
    IMAP,
    /** A polled POP3 mailbox. */
    POP3
}
