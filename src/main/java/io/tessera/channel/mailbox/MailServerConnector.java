package io.tessera.channel.mailbox;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tessera.shared.CheckedSocketFactory;
import io.tessera.shared.HostPolicy;

/**
 * Opens a signed-in connection to a mailbox's server. Every connection has connect, read and write
 * timeouts ({@code tessera.mail.poll-timeout}, default 30 s): a server that accepts the connection and then
 * says nothing ends that mailbox's poll with an error instead of holding its thread for ever. Every
 * connection goes through a {@link CheckedSocketFactory}: a server on an internal address is refused when
 * connecting, also when its name resolved elsewhere when the mailbox was saved (docs/security.md).
 */
@Component
class MailServerConnector {

    private final Duration timeout;
    private final HostPolicy hosts;

    MailServerConnector(@Value("${tessera.mail.poll-timeout:30s}") Duration timeout, HostPolicy hosts) {
        this.timeout = timeout;
        this.hosts = hosts;
    }

    /** A connected, signed-in store; the caller closes it. */
    Store connect(MailboxSettings mailbox) throws MessagingException {
        String store = mailbox.protocol().storeName(mailbox.security());
        Session session = Session.getInstance(properties(mailbox, store));
        Store connection = session.getStore(store);
        connection.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        return connection;
    }

    private Properties properties(MailboxSettings mailbox, String store) {
        String prefix = "mail." + store + ".";
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.put(prefix + "connectiontimeout", millis);
        properties.put(prefix + "timeout", millis);
        properties.put(prefix + "writetimeout", millis);
        switch (mailbox.security()) {
            case TLS -> properties.put(prefix + "ssl.checkserveridentity", "true");
            case STARTTLS -> {
                properties.put(prefix + "starttls.enable", "true");
                // Required, not opportunistic: a server (or a man in the middle) that does not offer STARTTLS
                // must not get the password in the clear.
                properties.put(prefix + "starttls.required", "true");
                properties.put(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // A server on this host or a trusted network.
            }
        }
        // IMAP: read messages with BODY.PEEK, so fetching one does not mark it read; only a stored message is.
        properties.put("mail.imap.peek", "true");
        properties.put("mail.imaps.peek", "true");
        CheckedSocketFactory.install(properties, hosts, store);
        return properties;
    }
}
