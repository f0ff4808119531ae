package io.tessera.conversation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TicketId;

/**
 * A ticket's messages a page at a time, oldest first: keyset pagination over {@code (created_at, id)}
 * (index {@code message_ticket_idx}), so the hundredth page of a long conversation costs what the first does.
 */
@Service
@Transactional(readOnly = true)
public class MessageQueries {

    private final JdbcClient jdbc;

    MessageQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} messages after the one at ({@code afterCreatedAt}, {@code afterId}), or from the
     * first when {@code afterCreatedAt} is null.
     */
    public List<Message> page(TicketId ticket, Instant afterCreatedAt, long afterId, int limit) {
        StringBuilder sql = new StringBuilder(MessageRows.SELECT).append("where m.ticket_id = :ticket ");
        if (afterCreatedAt != null) {
            sql.append("and (m.created_at > :at or (m.created_at = :at and m.id > :id)) ");
        }
        sql.append("order by m.created_at, m.id fetch first ").append(limit).append(" rows only");
        var query = jdbc.sql(sql.toString()).param("ticket", ticket.value());
        if (afterCreatedAt != null) {
            query = query.param("at", afterCreatedAt.atOffset(ZoneOffset.UTC)).param("id", afterId);
        }
        return query.query(MessageRows::message).list();
    }

    /** One message of a ticket, with its author's name. */
    public Optional<Message> find(TicketId ticket, long id) {
        return jdbc.sql(MessageRows.SELECT + "where m.ticket_id = ? and m.id = ?").params(ticket.value(), id)
                .query(MessageRows::message).optional();
    }
}
