package io.tessera.conversation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TicketId;

/**
 * Copies messages and their attachments between tickets, for merges and splits. Attachment rows are
 * copied, their bytes are not: files are stored once per content ({@link ContentStore}), so a copy costs
 * a row. Runs inside the caller's transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class MessageCopies {

    private final JdbcClient jdbc;

    MessageCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Copies every message of {@code from} onto {@code into}, keeping kind, author, channel and time, so
     * they fall into place in the target's conversation. Each copy remembers the ticket it was first
     * written on (for a ticket that had others merged into it, their tickets, not {@code from}).
     */
    int copyAll(TicketId from, TicketId into) {
        List<Long> ids = jdbc.sql("select id from message where ticket_id = ? order by created_at, id")
                .param(from.value()).query(Long.class).list();
        for (long id : ids) {
            var keys = new GeneratedKeyHolder();
            jdbc.sql("insert into message (ticket_id, kind, author_type, author_id, body, body_format, channel, "
                            + "call_seconds, visible_text, created_at, merged_from_ticket_id) "
                            + "select ?, kind, author_type, author_id, body, body_format, channel, call_seconds, visible_text, created_at, "
                            + "coalesce(merged_from_ticket_id, ticket_id) from message where id = ?")
                    .params(into.value(), id)
                    .update(keys, "id");
            copyAttachments(id, into, keys.getKey().longValue());
        }
        return ids.size();
    }

    /** Copies the attachments of one message onto another message of {@code into}. */
    void copyAttachments(long fromMessage, TicketId into, long toMessage) {
        // The scan result travels with the copy: a quarantined or held file stays unserved on the other ticket.
        jdbc.sql("insert into attachment (ticket_id, message_id, file_name, content_type, size_bytes, sha256, "
                        + "inline_content_id, created_at, scan_status, scan_signature) select ?, ?, file_name, content_type, "
                        + "size_bytes, sha256, inline_content_id, created_at, scan_status, scan_signature from attachment "
                        + "where message_id = ? order by id")
                .params(into.value(), toMessage, fromMessage)
                .update();
    }
}
