package io.tessera.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import io.tessera.shared.Actor;
import io.tessera.ticket.Channel;

/** Reads a {@link Message} from a row of {@link #SELECT}: one mapping for the page's and the API's queries. */
final class MessageRows {

    /** Messages with their authors' names, joined in the same query. */
    static final String SELECT = "select m.id, m.kind, m.author_type, m.author_id, m.body, m.body_format, m.channel, "
            + "m.call_seconds, m.created_at, coalesce(a.name, c.name, 'Tessera') as author_name from message m "
            + "left join agent a on m.author_type = 'AGENT' and a.id = m.author_id "
            + "left join customer c on m.author_type = 'CUSTOMER' and c.id = m.author_id ";

    private MessageRows() {
    }

    static Message message(ResultSet rs, int n) throws SQLException {
        long authorId = rs.getLong("author_id");
        Actor author = Actor.of(Actor.Type.valueOf(rs.getString("author_type")), rs.wasNull() ? null : authorId);
        int call = rs.getInt("call_seconds");
        Integer callSeconds = rs.wasNull() ? null : call;
        return new Message(rs.getLong("id"), MessageKind.valueOf(rs.getString("kind")), author,
                rs.getString("author_name"), rs.getString("body"), BodyFormat.valueOf(rs.getString("body_format")),
                Channel.valueOf(rs.getString("channel")), callSeconds,
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
