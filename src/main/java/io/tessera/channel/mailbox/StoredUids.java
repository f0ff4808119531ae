package io.tessera.channel.mailbox;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which of a mailbox's server ids (IMAP {@code UIDVALIDITY:UID}, POP3 UIDL) the intake has stored already.
 * Asked before downloading, so a message is never fetched twice: a kept POP3 mailbox is listed every poll
 * but its old messages are not downloaded again.
 */
@Component
class StoredUids {

    private static final int CHUNK = 500;

    private final JdbcClient jdbc;

    StoredUids(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<String> known(long mailboxId, Collection<String> uids) {
        List<String> all = uids.stream().filter(uid -> uid != null).distinct().toList();
        Set<String> known = new HashSet<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            // Copies of mail stored before by another path count as known too (inbound_mail_seen_uid, MailIntake).
            known.addAll(jdbc.sql("select remote_uid from inbound_mail where mailbox_id = :mailbox and remote_uid in (:uids) "
                            + "union select remote_uid from inbound_mail_seen_uid where mailbox_id = :mailbox and remote_uid in (:uids)")
                    .param("mailbox", mailboxId).param("uids", chunk).query(String.class).list());
        }
        return known;
    }
}
