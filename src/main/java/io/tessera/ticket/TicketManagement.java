package io.tessera.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketEvents.StatusChanged;
import io.tessera.ticket.TicketEvents.TicketCreated;

/**
 * Creating and changing tickets. Every change appends its event to the {@link TicketEventLog} in the same
 * transaction. Numbers come from a database sequence: unique across nodes and never reused.
 */
@Service
@Transactional
public class TicketManagement {

    private final JdbcClient jdbc;
    private final TicketEventLog log;

    TicketManagement(JdbcClient jdbc, TicketEventLog log) {
        this.jdbc = jdbc;
        this.log = log;
    }

    /** Stores a ticket with a given history: created as new, then moved to its status when that differs. */
    public TicketRef importTicket(TicketImport t, Actor creator) {
        long number = jdbc.sql("select nextval('ticket_number_seq')").query(Long.class).single();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into ticket (number, subject, status, priority, type, channel, requester_id, organization_id, "
                        + "team_id, assignee_id, created_at, updated_at, first_response_at, solved_at, closed_at, version) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(number, t.subject(), t.status().name(), t.priority().name(), t.type(), t.channel().name(),
                        t.requester().value(), t.organization() == null ? null : t.organization().value(),
                        t.team() == null ? null : t.team().value(), t.assignee() == null ? null : t.assignee().value(),
                        utc(t.createdAt()), utc(t.updatedAt()), utc(t.firstResponseAt()), utc(t.solvedAt()),
                        utc(t.closedAt()))
                .update(keys, "id");
        TicketId id = TicketId.of(keys.getKey().longValue());
        log.append(id, new TicketCreated(t.subject(), TicketStatus.NEW, t.priority(), t.channel(), t.requester().value(),
                t.team() == null ? null : t.team().value(), t.assignee() == null ? null : t.assignee().value()),
                creator, t.createdAt());
        if (t.status() != TicketStatus.NEW) {
            Actor changer = t.assignee() == null ? Actor.system() : Actor.agent(t.assignee());
            log.append(id, new StatusChanged(TicketStatus.NEW, t.status()), changer, t.updatedAt());
        }
        return new TicketRef(id, number);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
