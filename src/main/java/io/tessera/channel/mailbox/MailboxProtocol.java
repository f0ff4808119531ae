package io.tessera.channel.mailbox;

/** How a mailbox is read. The ports are the usual ones, offered as defaults in the admin form. */
public enum MailboxProtocol {
    IMAP(993, 143),
    POP3(995, 110);

    private final int tlsPort;
    private final int plainPort;

    MailboxProtocol(int tlsPort, int plainPort) {
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
    }

    /** The usual port: implicit TLS has its own, STARTTLS and plain share the protocol's original one. */
    public int defaultPort(MailboxSecurity security) {
        return security == MailboxSecurity.TLS ? tlsPort : plainPort;
    }

    /** Jakarta Mail's store name: {@code imaps}/{@code pop3s} for implicit TLS. */
    String storeName(MailboxSecurity security) {
        String name = name().toLowerCase(java.util.Locale.ROOT);
        return security == MailboxSecurity.TLS ? name + "s" : name;
    }
}
