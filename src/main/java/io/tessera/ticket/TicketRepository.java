package io.tessera.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;

/**
 * Loads and saves {@link Ticket}s. Saving is guarded by the version: {@code update … where version = ?}
 * changes nothing when someone else saved first, and the caller learns it as {@link ConcurrentTicketChange}.
 * The events the aggregate recorded are appended in the same transaction.
 */
@Repository
class TicketRepository {

    private static final String COLUMNS = "id, number, subject, status, custom_status_id, priority, type, channel, "
            + "requester_id, organization_id, team_id, assignee_id, created_at, updated_at, first_response_at, "
            + "solved_at, closed_at, merged_into_id, version, status_changed_at";

    private final JdbcClient jdbc;
    private final TicketEventLog log;

    TicketRepository(JdbcClient jdbc, TicketEventLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    Optional<Ticket> find(TicketId id) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = ?").param(id.value())
                .query(this::ticket).optional();
    }

    /**
     * Loads a ticket to change it, holding its row until the transaction ends, so changes made without an
     * expected version (add a tag, reply) apply one after another to the latest state instead of failing as
     * {@link ConcurrentTicketChange}s the caller never asked for. The lock is taken with a no-op update rather
     * than {@code select … for update}: on PostgreSQL that takes the same lock a save does, which does not
     * conflict with the key-share lock inserting a message (a foreign key to the ticket) takes — two replies
     * to one ticket would otherwise deadlock.
     */
    Optional<Ticket> findForChange(TicketId id) {
        if (jdbc.sql("update ticket set version = version where id = ?").param(id.value()).update() == 0) {
            return Optional.empty();
        }
        return find(id);
    }

    Optional<Ticket> findByNumber(long number) {
        return jdbc.sql("select " + COLUMNS + " from ticket where number = ?").param(number)
                .query(this::ticket).optional();
    }

    long nextNumber() {
        return jdbc.sql("select nextval('ticket_number_seq')").query(Long.class).single();
    }

    TicketId insert(long number, String subject, TicketStatus status, Priority priority, String type, Channel channel,
                    CustomerId requester, OrganizationId organization, TeamId team, AgentId assignee,
                    Instant createdAt, Instant updatedAt, Instant firstResponseAt, Instant solvedAt, Instant closedAt) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket (number, subject, status, priority, type, channel, requester_id, organization_id, "
                        + "team_id, assignee_id, created_at, updated_at, first_response_at, solved_at, closed_at, version, priority_rank, "
                        + "status_changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(number, subject, status.name(), priority.name(), type, channel.name(), requester.value(),
                        organization == null ? null : organization.value(), team == null ? null : team.value(),
                        assignee == null ? null : assignee.value(), utc(createdAt), utc(updatedAt),
                        utc(firstResponseAt), utc(solvedAt), utc(closedAt), priority.rank(), utc(updatedAt))
                .update(keys, "id");
        return TicketId.of(keys.getKey().longValue());
    }

    /** Saves the ticket if nobody else did since it was loaded, and appends its recorded events. */
    void save(Ticket ticket, Actor actor) {
        int updated = jdbc.sql("update ticket set subject = ?, status = ?, custom_status_id = ?, priority = ?, type = ?, "
                        + "team_id = ?, assignee_id = ?, updated_at = ?, first_response_at = ?, solved_at = ?, closed_at = ?, "
                        + "priority_rank = ?, status_changed_at = ?, version = version + 1 where id = ? and version = ?")
                .params(ticket.subject(), ticket.status().name(), ticket.customStatusId(), ticket.priority().name(),
                        ticket.type(), ticket.team() == null ? null : ticket.team().value(),
                        ticket.assignee() == null ? null : ticket.assignee().value(), utc(ticket.updatedAt()),
                        utc(ticket.firstResponseAt()), utc(ticket.solvedAt()), utc(ticket.closedAt()),
                        ticket.priority().rank(), utc(ticket.statusChangedAt()), ticket.id().value(), ticket.version())
                .update();
        if (updated == 0) {
            int actual = jdbc.sql("select version from ticket where id = ?").param(ticket.id().value())
                    .query(Integer.class).single();
            throw new ConcurrentTicketChange(ticket.id(), ticket.version(), actual);
        }
        saveTags(ticket);
        ticket.recorded().forEach(r -> log.append(ticket.id(), r.event(), actor, r.at()));
    }

    void addTags(TicketId ticket, Set<String> tags) {
        tags.forEach(tag -> jdbc.sql("insert into ticket_tag (ticket_id, tag) values (?, ?)").params(ticket.value(), tag).update());
    }

    private void saveTags(Ticket ticket) {
        Set<String> stored = tags(ticket.id().value());
        Set<String> wanted = ticket.tags();
        stored.stream().filter(t -> !wanted.contains(t)).forEach(tag ->
                jdbc.sql("delete from ticket_tag where ticket_id = ? and tag = ?").params(ticket.id().value(), tag).update());
        addTags(ticket.id(), wanted.stream().filter(t -> !stored.contains(t)).collect(java.util.stream.Collectors.toSet()));
    }

    private Set<String> tags(long ticketId) {
        return new HashSet<>(jdbc.sql("select tag from ticket_tag where ticket_id = ?").param(ticketId)
                .query(String.class).list());
    }

    private Ticket ticket(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        return new Ticket(TicketId.of(id), rs.getLong("number"), rs.getString("subject"),
                TicketStatus.valueOf(rs.getString("status")), nullableLong(rs, "custom_status_id"),
                Priority.valueOf(rs.getString("priority")), rs.getString("type"), Channel.valueOf(rs.getString("channel")),
                CustomerId.of(rs.getLong("requester_id")),
                map(nullableLong(rs, "organization_id"), OrganizationId::of), map(nullableLong(rs, "team_id"), TeamId::of),
                map(nullableLong(rs, "assignee_id"), AgentId::of), tags(id), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "first_response_at"), instant(rs, "solved_at"),
                instant(rs, "closed_at"), map(nullableLong(rs, "merged_into_id"), TicketId::of), rs.getInt("version"),
                instant(rs, "status_changed_at"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static <T> T map(Long value, java.util.function.LongFunction<T> f) {
        return value == null ? null : f.apply(value);
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
