package io.tessera.channel.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tessera.channel.MailProperties;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.MailIntake;

/**
 * One poll of a POP3 inbox. The server's ids of every message (UIDL) are listed first and checked against the
 * stored mail, so a message is downloaded once even when it is kept on the server. New ones, at most a batch,
 * are downloaded and handed to the intake; only when the intake returns is a message marked for deletion
 * (when the mailbox deletes), and POP3 deletes marked messages when the session ends (QUIT).
 */
@Component
class Pop3Fetch {

    private final MailIntake intake;
    private final StoredUids stored;
    private final int batch;
    private final long sizeLimit;

    Pop3Fetch(MailIntake intake, StoredUids stored, MailProperties settings, @Value("${tessera.mail.poll-batch:100}") int batch) {
        this.intake = intake;
        this.stored = stored;
        this.batch = batch;
        this.sizeLimit = settings.receiverLimit().toBytes();
    }

    PollResult fetch(Mailbox mailbox, Store store, PollBudget budget) throws MessagingException, IOException {
        MailboxSettings settings = mailbox.settings();
        Folder folder = store.getFolder("INBOX");
        folder.open(Folder.READ_WRITE);
        boolean delete = settings.afterImport() == AfterImport.DELETE;
        try {
            Message[] messages = folder.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(messages, profile);
            List<String> uidls = new ArrayList<>();
            for (Message message : messages) {
                uidls.add(((POP3Folder) folder).getUID(message));
            }
            Set<String> known = stored.known(mailbox.id(), uidls);
            int imported = 0;
            int alreadyStored = 0;
            int tooLarge = 0;
            for (int i = 0; i < messages.length; i++) {
                String uidl = uidls.get(i);
                boolean storedBefore = uidl != null && known.contains(uidl);
                if (storedBefore) {
                    alreadyStored++;
                } else if (imported >= batch || budget.spent()) {
                    return new PollResult(imported, alreadyStored, true, tooLarge);
                } else if (messages[i].getSize() > sizeLimit) {
                    // Not stored, so not deleted either: it stays for an admin to see to.
                    tooLarge++;
                    continue;
                } else {
                    intake.receive(Arrival.pop3(mailbox.id(), uidl, settings.supportAddress(), settings.team()), raw(messages[i]));
                    imported++;
                }
                // Only now, with the message stored and committed, may the server forget it.
                if (delete) {
                    messages[i].setFlag(Flags.Flag.DELETED, true);
                }
            }
            return new PollResult(imported, alreadyStored, false, tooLarge);
        } finally {
            if (folder.isOpen()) {
                // Marked messages are deleted here, at QUIT; a session that breaks off deletes none.
                folder.close(delete);
            }
        }
    }

    /** The message exactly as the server sent it (RETR). */
    private static byte[] raw(Message message) throws MessagingException, IOException {
        if (message instanceof POP3Message pop3) {
            try (InputStream in = pop3.getMimeStream()) {
                return in.readAllBytes();
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
