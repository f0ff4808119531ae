package io.tessera.ticket;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.RelationEvents.Linked;
import io.tessera.ticket.RelationEvents.Split;
import io.tessera.ticket.RelationEvents.Unlinked;

/**
 * Links between tickets: related, parent/child (a parent has any number of children, a child one
 * parent, and no ticket is its own ancestor), and the follow-up made when a customer writes to a closed
 * ticket. Two tickets have at most one link between them. Each link is stored once ({@code ticket_link},
 * from → to) and recorded as {@code linked}/{@code unlinked} in both tickets' logs. A link changes neither
 * ticket's properties, so it does not move their versions: nobody's reply is refused because of it.
 */
@Service
@Transactional
public class TicketLinks {

    /** Walking up a parent chain further than this means bad data, not a real hierarchy. */
    private static final int MAX_DEPTH = 100;

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final TicketEventLog log;
    private final Clock clock;

    TicketLinks(JdbcClient jdbc, TicketRepository tickets, TicketEventLog log, Clock clock) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.log = log;
        this.clock = clock;
    }

    /** Links {@code other} to {@code ticket} as {@code type} seen from {@code ticket} ("#13 is a child of this"). */
    public LinkedTicket link(TicketId ticket, LinkType type, TicketId other, Actor by) {
        if (!type.manual()) {
            throw new InvalidTicketChange("type", "Follow-up links are made when a customer writes to a closed ticket.");
        }
        if (ticket.equals(other)) {
            throw new InvalidTicketChange("number", "A ticket cannot be linked to itself.");
        }
        // Row locks in id order: two agents giving one child two parents at once wait for each other.
        lock(ticket, other);
        Ticket self = load(ticket);
        Ticket that = load(other);
        for (Ticket t : List.of(that, self)) {
            if (t.mergedInto() != null) {
                throw new InvalidTicketChange("number", t.display() + " was merged into another ticket; link that one instead.");
            }
        }
        if (between(ticket, other).isPresent()) {
            throw new InvalidTicketChange("number", that.display() + " is already linked to " + self.display() + ".");
        }
        Ticket from = type.thisIsFrom() ? self : that;
        Ticket to = type.thisIsFrom() ? that : self;
        if (type.kind() == LinkKind.PARENT_OF) {
            checkHierarchy(from, to);
        }
        insert(from, to, type.kind(), by);
        return new LinkedTicket(type, that.id(), that.number(), that.subject(), that.status(), that.status().label(), true);
    }

    /** Removes the link between the two tickets, whatever its type. */
    public void unlink(TicketId ticket, TicketId other, Actor by) {
        Ticket self = load(ticket);
        Ticket that = load(other);
        Stored link = between(ticket, other).orElseThrow(() ->
                new InvalidTicketChange("number", that.display() + " is not linked to " + self.display() + "."));
        Ticket from = link.from().equals(ticket) ? self : that;
        Ticket to = from == self ? that : self;
        jdbc.sql("delete from ticket_link where from_ticket_id = ? and to_ticket_id = ? and kind = ?")
                .params(from.id().value(), to.id().value(), link.kind().name()).update();
        Unlinked event = new Unlinked(link.kind(), from.id().value(), from.number(), to.id().value(), to.number());
        Instant now = clock.instant();
        log.append(from.id(), event, by, now);
        log.append(to.id(), event, by, now);
    }

    /**
     * The tickets linked to {@code ticket}, by number, in one query; those {@code viewer} may not see
     * carry only their number.
     */
    @Transactional(readOnly = true)
    public List<LinkedTicket> links(TicketId ticket, Visibility viewer) {
        return jdbc.sql("select l.kind, l.from_ticket_id, t.id, t.number, t.subject, t.status, t.team_id, t.assignee_id, "
                        + "cs.name as custom_name from ticket_link l "
                        + "join ticket t on t.id = case when l.from_ticket_id = :id then l.to_ticket_id else l.from_ticket_id end "
                        + "left join custom_status cs on cs.id = t.custom_status_id "
                        + "where l.from_ticket_id = :id or l.to_ticket_id = :id order by t.number")
                .param("id", ticket.value())
                .query((rs, n) -> {
                    LinkType type = LinkType.seenFrom(LinkKind.valueOf(rs.getString("kind")),
                            rs.getLong("from_ticket_id") == ticket.value());
                    long team = rs.getLong("team_id");
                    TeamId teamId = rs.wasNull() ? null : TeamId.of(team);
                    long assignee = rs.getLong("assignee_id");
                    AgentId assigneeId = rs.wasNull() ? null : AgentId.of(assignee);
                    boolean visible = viewer.scope().covers(teamId, assigneeId);
                    TicketStatus status = TicketStatus.valueOf(rs.getString("status"));
                    String custom = rs.getString("custom_name");
                    return visible
                            ? new LinkedTicket(type, TicketId.of(rs.getLong("id")), rs.getLong("number"),
                                    rs.getString("subject"), status, custom == null ? status.label() : custom, true)
                            : new LinkedTicket(type, TicketId.of(rs.getLong("id")), rs.getLong("number"), null, null,
                                    null, false);
                })
                .list();
    }

    /** Links a follow-up ticket to the closed ticket the customer wrote to. */
    public void followUp(TicketId followUp, TicketId closed, Actor by) {
        insert(load(followUp), load(closed), LinkKind.FOLLOW_UP_OF, by);
    }

    /**
     * Relates a ticket split off a message to its origin. Recorded as {@code split} on both (which says
     * more than {@code linked}); the link itself is an ordinary related link that agents may remove.
     */
    public void split(TicketId origin, TicketId created, long messageId, Actor by) {
        Ticket from = load(origin);
        Ticket to = load(created);
        store(from, to, LinkKind.RELATED);
        Split event = new Split(from.id().value(), from.number(), to.id().value(), to.number(), messageId);
        Instant now = clock.instant();
        log.append(from.id(), event, by, now);
        log.append(to.id(), event, by, now);
    }

    private void checkHierarchy(Ticket parent, Ticket child) {
        Optional<TicketId> existing = parentOf(child.id());
        if (existing.isPresent()) {
            long number = tickets.find(existing.get()).map(Ticket::number).orElse(0L);
            throw new InvalidTicketChange("number", child.display() + " already has a parent (#" + number
                    + "); a ticket has one parent.");
        }
        TicketId above = parent.id();
        for (int depth = 0; above != null && depth < MAX_DEPTH; depth++) {
            if (above.equals(child.id())) {
                throw new InvalidTicketChange("number", child.display() + " is above " + parent.display()
                        + " already; a ticket cannot be its own ancestor.");
            }
            above = parentOf(above).orElse(null);
        }
    }

    private Optional<TicketId> parentOf(TicketId child) {
        return jdbc.sql("select from_ticket_id from ticket_link where to_ticket_id = ? and kind = 'PARENT_OF'")
                .param(child.value()).query(Long.class).optional().map(TicketId::of);
    }

    private record Stored(TicketId from, TicketId to, LinkKind kind) {
    }

    private Optional<Stored> between(TicketId a, TicketId b) {
        return jdbc.sql("select from_ticket_id, to_ticket_id, kind from ticket_link "
                        + "where (from_ticket_id = :a and to_ticket_id = :b) or (from_ticket_id = :b and to_ticket_id = :a)")
                .param("a", a.value()).param("b", b.value())
                .query((rs, n) -> new Stored(TicketId.of(rs.getLong(1)), TicketId.of(rs.getLong(2)),
                        LinkKind.valueOf(rs.getString(3))))
                .list().stream().findFirst();
    }

    private void insert(Ticket from, Ticket to, LinkKind kind, Actor by) {
        store(from, to, kind);
        Linked event = new Linked(kind, from.id().value(), from.number(), to.id().value(), to.number());
        Instant now = clock.instant();
        log.append(from.id(), event, by, now);
        log.append(to.id(), event, by, now);
    }

    private void store(Ticket from, Ticket to, LinkKind kind) {
        jdbc.sql("insert into ticket_link (from_ticket_id, to_ticket_id, kind, created_at) values (?, ?, ?, ?)")
                .params(from.id().value(), to.id().value(), kind.name(), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private void lock(TicketId a, TicketId b) {
        jdbc.sql("select id from ticket where id in (?, ?) order by id for update")
                .params(a.value(), b.value()).query(Long.class).list();
    }

    private Ticket load(TicketId id) {
        return tickets.find(id).orElseThrow(() -> new IllegalArgumentException("No ticket with id " + id));
    }
}
