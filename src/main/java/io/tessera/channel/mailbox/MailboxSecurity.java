package io.tessera.channel.mailbox;

/** How the connection to the mail server is protected. */
public enum MailboxSecurity {
    /** TLS from the first byte (IMAPS 993, POP3S 995). */
    TLS,
    /** A plain connection upgraded with STARTTLS before the login, required (143, 110). */
    STARTTLS,
    /** No encryption: only for a server on the same host or a trusted network. */
    NONE
}
