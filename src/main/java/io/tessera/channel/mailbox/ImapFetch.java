package io.tessera.channel.mailbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.FlagTerm;

import org.eclipse.angus.mail.imap.IMAPMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.tessera.channel.MailProperties;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.MailIntake;

/**
 * One poll of an IMAP folder: its unseen (and not deleted) messages, oldest first, at most a batch. Each is
 * read with {@code BODY.PEEK[]} (reading does not mark it), handed to the intake, and only when the intake
 * returns — the message stored and committed — marked {@code \Seen} or deleted. Deleted messages are
 * expunged when the folder is closed.
 */
@Component
class ImapFetch {

    private final MailIntake intake;
    private final StoredUids stored;
    private final int batch;
    private final long sizeLimit;

    ImapFetch(MailIntake intake, StoredUids stored, MailProperties settings, @Value("${tessera.mail.poll-batch:100}") int batch) {
        this.intake = intake;
        this.stored = stored;
        this.batch = batch;
        this.sizeLimit = settings.receiverLimit().toBytes();
    }

    PollResult fetch(Mailbox mailbox, Store store, PollBudget budget) throws MessagingException, IOException {
        MailboxSettings settings = mailbox.settings();
        Folder folder = store.getFolder(settings.folder());
        if (!folder.exists()) {
            throw new FolderNotFoundException(folder, settings.folder());
        }
        folder.open(Folder.READ_WRITE);
        boolean delete = settings.afterImport() == AfterImport.DELETE;
        boolean expunge = false;
        try {
            UIDFolder uids = (UIDFolder) folder;
            long validity = uids.getUIDValidity();
            Message[] waiting = folder.search(new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false),
                    new FlagTerm(new Flags(Flags.Flag.DELETED), false)));
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.SIZE);
            folder.fetch(waiting, profile);
            Map<Message, String> next = new LinkedHashMap<>();
            for (Message message : oldestFirst(waiting, uids).subList(0, Math.min(batch, waiting.length))) {
                next.put(message, validity + ":" + uids.getUID(message));
            }
            Set<String> known = stored.known(mailbox.id(), next.values());
            int imported = 0;
            int alreadyStored = 0;
            int tooLarge = 0;
            for (Map.Entry<Message, String> entry : next.entrySet()) {
                if (budget.spent()) {
                    return new PollResult(imported, alreadyStored, true, tooLarge);
                }
                Message message = entry.getKey();
                if (known.contains(entry.getValue())) {
                    alreadyStored++;
                } else if (message.getSize() > sizeLimit) {
                    // Not stored, so not flagged either: it stays unread for an admin to see to.
                    tooLarge++;
                    continue;
                } else {
                    intake.receive(Arrival.imap(mailbox.id(), entry.getValue(), settings.supportAddress(), settings.team()),
                            raw(message));
                    imported++;
                }
                // Only now, with the message stored and committed, may the server forget it.
                if (delete) {
                    message.setFlag(Flags.Flag.DELETED, true);
                    expunge = true;
                } else {
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            }
            return new PollResult(imported, alreadyStored, waiting.length > next.size(), tooLarge);
        } finally {
            if (folder.isOpen()) {
                folder.close(expunge);
            }
        }
    }

    /** The message exactly as the server has it ({@code BODY.PEEK[]}), not re-encoded by Jakarta Mail. */
    private static byte[] raw(Message message) throws MessagingException, IOException {
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true);
            try (InputStream in = imap.getMimeStream()) {
                return in.readAllBytes();
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static List<Message> oldestFirst(Message[] messages, UIDFolder uids) {
        return Arrays.stream(messages).sorted(Comparator.comparingLong(message -> uid(uids, message))).toList();
    }

    private static long uid(UIDFolder uids, Message message) {
        try {
            return uids.getUID(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
