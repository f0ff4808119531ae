package io.tessera.conversation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.ticket.Channel;
import io.tessera.ticket.TicketEventLog;

/** Messages of a ticket, oldest first. */
@Service
@Transactional
public class Conversations {

    private final JdbcClient jdbc;
    private final TicketEventLog log;

    Conversations(JdbcClient jdbc, TicketEventLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Stores a message with a given time (demo data, importers). */
    public long importMessage(TicketId ticket, MessageKind kind, Actor author, String body, Channel channel, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into message (ticket_id, kind, author_type, author_id, body, channel, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(ticket.value(), kind.name(), author.type().name(), author.id(), body, channel.name(),
                        at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        log.append(ticket, new MessageAdded(id, kind), author, at);
        return id;
    }

    /** The messages of a ticket with their authors' names, in one query. */
    @Transactional(readOnly = true)
    public List<Message> messages(TicketId ticket) {
        return jdbc.sql("select m.id, m.kind, m.author_type, m.author_id, m.body, m.channel, m.created_at, "
                        + "coalesce(a.name, c.name, 'Tessera') as author_name from message m "
                        + "left join agent a on m.author_type = 'AGENT' and a.id = m.author_id "
                        + "left join customer c on m.author_type = 'CUSTOMER' and c.id = m.author_id "
                        + "where m.ticket_id = ? order by m.created_at, m.id")
                .param(ticket.value())
                .query((rs, n) -> {
                    long authorId = rs.getLong("author_id");
                    Actor author = Actor.of(Actor.Type.valueOf(rs.getString("author_type")), rs.wasNull() ? null : authorId);
                    return new Message(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")), author,
                            rs.getString("author_name"), rs.getString("body"), Channel.valueOf(rs.getString("channel")),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list();
    }
}
