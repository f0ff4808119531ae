package io.tessera.channel.mailbox;

import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Store;

import org.springframework.stereotype.Component;

/**
 * "Test connection": connects, signs in and opens the folder read-only, then reports how many messages it
 * holds. Nothing is imported, flagged or deleted.
 */
@Component
class ConnectionTester {

    private final MailServerConnector connector;

    ConnectionTester(MailServerConnector connector) {
        this.connector = connector;
    }

    ConnectionCheck check(MailboxSettings mailbox) {
        Store store = null;
        try {
            store = connector.connect(mailbox);
            Folder folder = store.getFolder(mailbox.folder());
            if (!folder.exists()) {
                throw new FolderNotFoundException(folder, mailbox.folder());
            }
            folder.open(Folder.READ_ONLY);
            int messages = folder.getMessageCount();
            String unread = mailbox.protocol() == MailboxProtocol.IMAP ? ", " + folder.getUnreadMessageCount() + " unread" : "";
            folder.close(false);
            return new ConnectionCheck(true, "Connected to " + mailbox.host() + ":" + mailbox.port() + " and signed in as "
                    + mailbox.username() + ". " + mailbox.folder() + " holds " + messages
                    + (messages == 1 ? " message" : " messages") + unread + ".");
        } catch (Exception problem) {
            return new ConnectionCheck(false, ConnectionProblems.describe(problem, mailbox));
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (Exception ignored) {
                    // the test's answer is known already
                }
            }
        }
    }
}
