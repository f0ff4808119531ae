package io.tessera.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The append-only ticket event log. Appends must happen in the transaction that makes the change
 * ({@link Propagation#MANDATORY}), so a change without its event, or an event without its change, cannot
 * be committed. Payloads are JSON in a text column (portable across PostgreSQL and H2).
 */
@Component
public class TicketEventLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TicketEventLog(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(TicketId ticket, TicketEvent event, Actor actor, Instant at) {
        jdbc.sql("insert into ticket_event (ticket_id, event_type, actor_type, actor_id, payload, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(ticket.value(), event.type(), actor.type().name(), actor.id(),
                        json.writeValueAsString(event.payload()), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    @Transactional(readOnly = true)
    public List<LoggedEvent> history(TicketId ticket) {
        return jdbc.sql("select id, event_type, actor_type, actor_id, payload, occurred_at from ticket_event "
                        + "where ticket_id = ? order by id")
                .param(ticket.value())
                .query(this::event)
                .list();
    }

    /** Up to {@code limit} events after the event {@code afterId} (0 for the first), oldest first: a keyset page. */
    @Transactional(readOnly = true)
    public List<LoggedEvent> page(TicketId ticket, long afterId, int limit) {
        return jdbc.sql("select id, event_type, actor_type, actor_id, payload, occurred_at from ticket_event "
                        + "where ticket_id = ? and id > ? order by id fetch first " + limit + " rows only")
                .params(ticket.value(), afterId)
                .query(this::event)
                .list();
    }

    private LoggedEvent event(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long actorId = rs.getLong("actor_id");
        Actor actor = Actor.of(Actor.Type.valueOf(rs.getString("actor_type")), rs.wasNull() ? null : actorId);
        return new LoggedEvent(rs.getLong("id"), rs.getString("event_type"), actor,
                json.readValue(rs.getString("payload"), MAP),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }
}
