package io.tessera.ticket;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
 * be committed. Payloads are JSON in a text column (portable across PostgreSQL and H2). Each append also
 * publishes a {@link TicketEventRecorded}, the change feed for listeners that act after commit; imported
 * history ({@link #appendHistory}) is stored without it, so importing old tickets notifies nobody.
 */
@Component
public class TicketEventLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    TicketEventLog(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void append(TicketId ticket, TicketEvent event, Actor actor, Instant at) {
        long id = insert(ticket, event, actor, at);
        events.publishEvent(TicketEventRecorded.of(ticket, id, event, actor, at));
    }

    /** Appends an event of imported history (demo data, importers): logged, but nobody reacts to it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendHistory(TicketId ticket, TicketEvent event, Actor actor, Instant at) {
        insert(ticket, event, actor, at);
    }

    private long insert(TicketId ticket, TicketEvent event, Actor actor, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket_event (ticket_id, event_type, actor_type, actor_id, payload, occurred_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(ticket.value(), event.type(), actor.type().name(), actor.id(),
                        json.writeValueAsString(event.payload()), at.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKey().longValue();
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
