package io.tessera.ticket;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.OrganizationId;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketChange.AddTags;
import io.tessera.ticket.TicketChange.Assign;
import io.tessera.ticket.TicketChange.RemoveTags;
import io.tessera.ticket.TicketChange.Rename;
import io.tessera.ticket.TicketChange.SetField;
import io.tessera.ticket.TicketChange.SetPriority;
import io.tessera.ticket.TicketChange.SetStatus;
import io.tessera.ticket.TicketChange.SetTags;
import io.tessera.ticket.TicketChange.SetTeam;
import io.tessera.ticket.TicketChange.SetType;
import io.tessera.ticket.TicketEvents.StatusChanged;
import io.tessera.ticket.TicketEvents.TicketCreated;

/**
 * Creating and changing tickets — the only way to. Every change goes through the {@link Ticket}
 * aggregate's rules and is saved with its events in one transaction, guarded by the ticket's version.
 * Numbers come from a database sequence: unique across nodes and never reused.
 */
@Service
@Transactional
public class TicketManagement {

    private final TicketRepository tickets;
    private final TicketEventLog log;
    private final Customers customers;
    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketTypes types;
    private final CustomStatuses statuses;
    private final Tags tags;
    private final TicketFields fields;
    private final JdbcClient jdbc;
    private final Clock clock;

    TicketManagement(TicketRepository tickets, TicketEventLog log, Customers customers, AgentManagement agents,
                     TeamManagement teams, TicketTypes types, CustomStatuses statuses, Tags tags, TicketFields fields,
                     JdbcClient jdbc, Clock clock) {
        this.fields = fields;
        this.teams = teams;
        this.tickets = tickets;
        this.log = log;
        this.customers = customers;
        this.agents = agents;
        this.types = types;
        this.statuses = statuses;
        this.tags = tags;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> find(TicketId id) {
        return tickets.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<Ticket> findByNumber(long number) {
        return tickets.findByNumber(number);
    }

    public Ticket get(TicketId id) {
        return tickets.find(id).orElseThrow(() -> new IllegalArgumentException("No ticket with id " + id));
    }

    /** Opens a new ticket. The first message is added by the conversation module in the same transaction. */
    public Ticket create(NewTicket request, Actor by) {
        Instant now = clock.instant();
        Customer requester = customers.find(request.requester())
                .orElseThrow(() -> new InvalidTicketChange("requester", "Unknown requester."));
        String type = types.resolve(request.type());
        Set<String> tagSet = Tags.normalize(request.tags());
        Tags.checkPerTicket(tagSet.size());
        tags.ensure(tagSet, isAdmin(by));
        checkTeam(request.team());
        checkAssignment(request.assignee(), request.team());
        Ticket draft = new Ticket(null, 0, "", TicketStatus.NEW, null, request.priority(), type, request.channel(),
                requester.id(), requester.organization(), request.team(), request.assignee(), tagSet, now, now, null,
                null, null, null, 0);
        draft.rename(request.subject(), now);
        long number = tickets.nextNumber();
        TicketId id = tickets.insert(number, draft.subject(), TicketStatus.NEW, draft.priority(), type, request.channel(),
                requester.id(), requester.organization(), request.team(), request.assignee(), now, now, null, null, null);
        tickets.addTags(id, tagSet);
        log.append(id, new TicketCreated(draft.subject(), TicketStatus.NEW, draft.priority(), request.channel(),
                requester.id().value(), request.team() == null ? null : request.team().value(),
                request.assignee() == null ? null : request.assignee().value()), by, now);
        Ticket created = tickets.find(id).orElseThrow();
        if (request.status() != null && request.status() != TicketStatus.NEW) {
            return update(id, null, List.of(new SetStatus(request.status())), by);
        }
        return created;
    }

    /**
     * Applies typed changes. With {@code expectedVersion} the update happens only if nobody changed the
     * ticket since that version was read ({@link ConcurrentTicketChange} otherwise); without it, the
     * changes apply to the latest state — concurrent changes wait for each other rather than fail, so two
     * agents adding a tag each both keep theirs.
     */
    public Ticket update(TicketId id, Integer expectedVersion, List<TicketChange> changes, Actor by) {
        return change(id, expectedVersion, changes, null, by);
    }

    /**
     * Records that a message was added, together with any changes submitted with it (an agent's "reply and
     * set pending"), as one save: the ticket's rules for replies apply (first response; a customer's
     * message reopens a pending or solved ticket; a reply to a new ticket opens it).
     */
    public Ticket messageAdded(TicketId id, Integer expectedVersion, MessageActivity activity,
                               List<TicketChange> changes, Actor by) {
        return change(id, expectedVersion, changes, activity, by);
    }

    /**
     * Reopens a closed ticket because its requester wrote again and the team's rule says so (the email
     * channel's "reopen" rule); a no-op for a ticket that is not closed or was closed by a merge.
     */
    public Ticket reopenClosed(TicketId id, Actor by) {
        Ticket ticket = tickets.find(id).orElseThrow();
        ticket.reopenClosed(clock.instant());
        tickets.save(ticket, by);
        return tickets.find(id).orElseThrow();
    }

    /** Stores a ticket with a given history: created as new, then moved to its status when that differs. */
    public TicketRef importTicket(TicketImport t, Actor creator) {
        long number = tickets.nextNumber();
        TicketId id = tickets.insert(number, t.subject(), t.status(), t.priority(), t.type(), t.channel(), t.requester(),
                t.organization(), t.team(), t.assignee(), t.createdAt(), t.updatedAt(), t.firstResponseAt(),
                t.solvedAt(), t.closedAt());
        log.appendHistory(id, new TicketCreated(t.subject(), TicketStatus.NEW, t.priority(), t.channel(), t.requester().value(),
                t.team() == null ? null : t.team().value(), t.assignee() == null ? null : t.assignee().value()),
                creator, t.createdAt());
        if (t.status() != TicketStatus.NEW) {
            Actor changer = t.assignee() == null ? Actor.system() : Actor.agent(t.assignee());
            log.appendHistory(id, new StatusChanged(TicketStatus.NEW, t.status()), changer, t.updatedAt());
        }
        return new TicketRef(id, number);
    }

    /** The organization a ticket belongs to, for callers that have only the requester. */
    @Transactional(readOnly = true)
    public Optional<OrganizationId> organizationOf(TicketId id) {
        return tickets.find(id).map(Ticket::organization);
    }

    /** The id of the newest event of a ticket: a page remembers it to show what changed since it was opened. */
    @Transactional(readOnly = true)
    public long lastEventId(TicketId id) {
        return jdbc.sql("select coalesce(max(id), 0) from ticket_event where ticket_id = ?").param(id.value())
                .query(Long.class).single();
    }

    private Ticket change(TicketId id, Integer expectedVersion, List<TicketChange> changes, MessageActivity activity,
                          Actor by) {
        Ticket ticket = tickets.findForChange(id).orElseThrow(() -> new IllegalArgumentException("No ticket with id " + id));
        if (expectedVersion != null && expectedVersion != ticket.version()) {
            throw new ConcurrentTicketChange(id, expectedVersion, ticket.version());
        }
        // Every tag the changes add, created (within the limit per request) before any change applies.
        tags.ensure(added(changes), isAdmin(by));
        Instant now = clock.instant();
        TicketStatus before = ticket.status();
        // A team change first, so an assignment in the same batch is checked against the new team.
        List<TicketChange> ordered = new java.util.ArrayList<>(changes);
        ordered.sort(java.util.Comparator.comparing(c -> c instanceof SetTeam ? 0 : 1));
        for (TicketChange change : ordered) {
            apply(ticket, change, now, by);
        }
        if (activity == MessageActivity.CUSTOMER_MESSAGE) {
            ticket.customerReplied(now);
        } else if (activity == MessageActivity.PUBLIC_REPLY) {
            ticket.agentReplied(now);
            if (ticket.status() == TicketStatus.NEW) {
                ticket.changeStatus(TicketStatus.OPEN, null, now);
            }
        }
        if (activity != null) {
            ticket.touch(now);
        }
        if (ticket.status() == TicketStatus.SOLVED && before != TicketStatus.SOLVED) {
            fields.checkSolvable(ticket);
        }
        tickets.save(ticket, by);
        return tickets.find(id).orElseThrow();
    }

    // Java 17: an instanceof chain over the sealed TicketChange (a pattern switch needs Java 21).
    private void apply(Ticket ticket, TicketChange change, Instant now, Actor by) {
        if (change instanceof SetStatus s) {
            statuses.check(s.status(), s.customStatusId());
            ticket.changeStatus(s.status(), s.customStatusId(), now);
        } else if (change instanceof SetPriority p) {
            ticket.changePriority(p.priority(), now);
        } else if (change instanceof SetType t) {
            ticket.changeType(types.resolve(t.type()), now);
        } else if (change instanceof Assign a) {
            checkAssignment(a.assignee(), ticket.team());
            ticket.assign(a.assignee(), now);
        } else if (change instanceof SetTeam t) {
            checkTeam(t.team());
            ticket.moveToTeam(t.team(), now);
            // As in other help desks: a ticket moved to a team its assignee is not in becomes unassigned.
            if (ticket.assignee() != null && t.team() != null && !memberOf(ticket.assignee(), t.team())) {
                ticket.assign(null, now);
            }
        } else if (change instanceof Rename r) {
            ticket.rename(r.subject(), now);
        } else if (change instanceof AddTags a) {
            ticket.retag(Tags.normalize(a.tags()), Set.of(), now);
        } else if (change instanceof RemoveTags r) {
            ticket.retag(Set.of(), Tags.normalize(r.tags()), now);
        } else if (change instanceof SetTags s) {
            Set<String> wanted = Tags.normalize(s.tags());
            Set<String> remove = new HashSet<>(ticket.tags());
            remove.removeAll(wanted);
            ticket.retag(wanted, remove, now);
        } else if (change instanceof SetField f) {
            fields.apply(ticket, f, now);
        } else {
            throw new IllegalArgumentException("Unsupported change " + change);
        }
    }

    private static Set<String> added(List<TicketChange> changes) {
        Set<String> added = new java.util.LinkedHashSet<>();
        for (TicketChange change : changes) {
            if (change instanceof AddTags a) {
                added.addAll(Tags.normalize(a.tags()));
            } else if (change instanceof SetTags s) {
                added.addAll(Tags.normalize(s.tags()));
            }
        }
        return added;
    }

    /** An assignee must be an active agent and, when the ticket has a team, a member of it. */
    private void checkAssignment(AgentId assignee, TeamId team) {
        if (assignee == null) {
            return;
        }
        Agent agent = agents.find(assignee)
                .orElseThrow(() -> new InvalidTicketChange("assignee", "Unknown agent."));
        if (!agent.active()) {
            throw new InvalidTicketChange("assignee", agent.name() + " is deactivated and cannot be assigned tickets.");
        }
        if (team != null && agent.teams().stream().noneMatch(t -> t.id().equals(team))) {
            throw new InvalidTicketChange("assignee", agent.name() + " is not a member of the ticket's team.");
        }
    }

    private boolean memberOf(AgentId agent, TeamId team) {
        return agents.find(agent).map(a -> a.teams().stream().anyMatch(t -> t.id().equals(team))).orElse(false);
    }

    private void checkTeam(TeamId team) {
        if (team != null && teams.find(team).isEmpty()) {
            throw new InvalidTicketChange("team", "Unknown team.");
        }
    }

    private boolean isAdmin(Actor by) {
        return by instanceof Actor.AgentActor agent
                && agents.find(AgentId.of(agent.agentId())).map(a -> a.role() == Role.ADMIN).orElse(false);
    }
}
