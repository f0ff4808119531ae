package io.tessera.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;

/**
 * An agent's notifications: the unread count for the bell, the list newest first (keyset on the id), and
 * marking read. Every method takes the agent whose notifications these are: nobody reads or marks
 * another agent's (an id of someone else's notification is simply not found).
 */
@Service
@Transactional
public class Notifications {

    /** The bell counts up to this and then shows "99+": the count stays one short index range scan. */
    public static final int UNREAD_BOUND = 99;

    private static final String SELECT = "select n.id, n.kind, n.actor_type, n.actor_id, n.message_id, n.excerpt, "
            + "n.created_at, n.read_at, t.number, t.subject, a.name as actor_name from notification n "
            + "join ticket t on t.id = n.ticket_id "
            + "left join agent a on n.actor_type = 'AGENT' and a.id = n.actor_id ";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Unread notifications, counted up to {@link #UNREAD_BOUND} + 1 (more reads as "99+"). */
    @Transactional(readOnly = true)
    public int unreadCount(AgentId agent) {
        return jdbc.sql("select count(*) from (select 1 from notification where agent_id = ? and read_at is null "
                        + "limit " + (UNREAD_BOUND + 1) + ") unread")
                .param(agent.value()).query(Integer.class).single();
    }

    /** A page of the agent's notifications, newest first, after the cursor of the previous page. */
    @Transactional(readOnly = true)
    public NotificationPage page(AgentId agent, String cursor, int limit) {
        StringBuilder sql = new StringBuilder(SELECT).append("where n.agent_id = :agent ");
        Map<String, Object> params = new HashMap<>();
        params.put("agent", agent.value());
        Long before = parseCursor(cursor);
        if (before != null) {
            sql.append("and n.id < :before ");
            params.put("before", before);
        }
        sql.append("order by n.id desc limit ").append(limit + 1);
        List<Notification> rows = jdbc.sql(sql.toString()).params(params).query(Notifications::row).list();
        if (rows.size() <= limit) {
            return new NotificationPage(rows, null);
        }
        List<Notification> items = rows.subList(0, limit);
        return new NotificationPage(List.copyOf(items), String.valueOf(items.get(limit - 1).id()));
    }

    @Transactional(readOnly = true)
    public Optional<Notification> find(AgentId agent, long id) {
        return jdbc.sql(SELECT + "where n.id = ? and n.agent_id = ?").params(id, agent.value())
                .query(Notifications::row).optional();
    }

    /** Marks one read; {@code false} if the agent has no notification with this id. */
    public boolean markRead(AgentId agent, long id) {
        if (find(agent, id).isEmpty()) {
            return false;
        }
        jdbc.sql("update notification set read_at = ? where id = ? and agent_id = ? and read_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id, agent.value()).update();
        return true;
    }

    /** Marks all of the agent's notifications read; returns how many were unread. */
    public int markAllRead(AgentId agent) {
        return jdbc.sql("update notification set read_at = ? where agent_id = ? and read_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), agent.value()).update();
    }

    /**
     * Records a notification once: the same agent, kind and ticket event never notify twice, so a listener
     * the registry retries cannot duplicate one.
     */
    void record(AgentId agent, NotificationKind kind, long ticketId, Long messageId, String excerpt, Actor actor,
                long sourceEventId) {
        int inserted = jdbc.sql("insert into notification (agent_id, kind, ticket_id, message_id, excerpt, actor_type, actor_id, "
                        + "source_event_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                .params(agent.value(), kind.name(), ticketId, messageId, excerpt, actor.type().name(), actor.id(),
                        sourceEventId, clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        if (inserted == 1) {
            long id = jdbc.sql("select id from notification where agent_id = ? and kind = ? and source_event_id = ?")
                    .params(agent.value(), kind.name(), sourceEventId).query(Long.class).single();
            events.publishEvent(new AgentNotified(id, agent, kind));
        }
    }

    private static Long parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor.strip());
        } catch (NumberFormatException e) {
            throw new InvalidCursor();
        }
    }

    private static Notification row(ResultSet rs, int n) throws SQLException {
        long actorId = rs.getLong("actor_id");
        Actor actor = Actor.of(Actor.Type.valueOf(rs.getString("actor_type")), rs.wasNull() ? null : actorId);
        long messageId = rs.getLong("message_id");
        Long message = rs.wasNull() ? null : messageId;
        OffsetDateTime readAt = rs.getObject("read_at", OffsetDateTime.class);
        String actorName = rs.getString("actor_name");
        if (actorName == null) {
            actorName = actor.type() == Actor.Type.RULE ? "An automation rule" : "Tessera";
        }
        return new Notification(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getLong("number"),
                rs.getString("subject"), actor, actorName, message, rs.getString("excerpt"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), readAt == null ? null : readAt.toInstant());
    }

    /** A cursor that is not one this API handed out. */
    public static class InvalidCursor extends RuntimeException {
        InvalidCursor() {
            super("cursor is not a cursor from a previous page.");
        }
    }
}
