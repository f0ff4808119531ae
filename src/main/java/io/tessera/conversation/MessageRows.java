package io.tessera.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import io.tessera.shared.Actor;
import io.tessera.ticket.Channel;

/** Reads a {@link Message} from a row of {@link #SELECT}: one mapping for the page's and the API's queries. */
final class MessageRows {

    /** Messages with their authors' names and, for messages copied by a merge, the source ticket's number. */
    static final String SELECT = "select m.id, m.kind, m.author_type, m.author_id, m.body, m.body_format, m.channel, "
            + "m.call_seconds, m.visible_text, m.created_at, coalesce(a.name, c.name, 'Tessera') as author_name, "
            + "mf.number as merged_from from message m "
            + "left join agent a on m.author_type = 'AGENT' and a.id = m.author_id "
            + "left join customer c on m.author_type = 'CUSTOMER' and c.id = m.author_id "
            + "left join ticket mf on mf.id = m.merged_from_ticket_id ";

    private MessageRows() {
    }

    static Message message(ResultSet rs, int n) throws SQLException {
        long authorId = rs.getLong("author_id");
        Actor author = Actor.of(Actor.Type.valueOf(rs.getString("author_type")), rs.wasNull() ? null : authorId);
        int call = rs.getInt("call_seconds");
        Integer callSeconds = rs.wasNull() ? null : call;
        long from = rs.getLong("merged_from");
        Long mergedFrom = rs.wasNull() ? null : from;
        return new Message(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")), author,
                rs.getString("author_name"), rs.getString("body"), BodyFormat.valueOf(rs.getString("body_format")),
                Channel.valueOf(rs.getString("channel")), callSeconds,
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), mergedFrom, rs.getString("visible_text"));
    }
}
