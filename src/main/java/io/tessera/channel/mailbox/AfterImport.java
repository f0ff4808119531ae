package io.tessera.channel.mailbox;

import java.util.EnumSet;
import java.util.Set;

/** What the poller does to a message on the server once it is stored (and never before). */
public enum AfterImport {
    /** IMAP: set {@code \Seen}; the poller reads unseen messages only, so it is not fetched again. */
    MARK_READ("Mark as read"),
    /** IMAP: delete and expunge; POP3: delete. */
    DELETE("Delete from the server"),
    /** POP3: leave it; its UIDL, stored with the message, keeps it from being downloaded again. */
    KEEP("Keep on the server");

    private final String label;

    AfterImport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The choices that make sense for a protocol: IMAP has flags, POP3 has none. */
    public static Set<AfterImport> choicesFor(MailboxProtocol protocol) {
        return protocol == MailboxProtocol.IMAP ? EnumSet.of(MARK_READ, DELETE) : EnumSet.of(DELETE, KEEP);
    }

    public static AfterImport defaultFor(MailboxProtocol protocol) {
        return protocol == MailboxProtocol.IMAP ? MARK_READ : DELETE;
    }
}
