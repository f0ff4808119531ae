package io.tessera.routing;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.routing.AssignmentPicker.Candidate;
import io.tessera.routing.AssignmentPicker.Pick;
import io.tessera.routing.RoutingRepository.AssignedTicket;
import io.tessera.routing.RoutingRepository.TeamRouting;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;

/**
 * Routing's API: which agent of a team gets a ticket ({@link #choose}), the settings that decide it (team
 * strategies; agents' availability, capacity, shifts and skills), and moving an absent agent's tickets to
 * their colleagues ({@link #reassignAll}). Who may change what is the callers' business: agents set their
 * own availability, admins everything else (see the API). Admin changes are audited.
 */
@Service
public class Assignments {

    private static final Logger LOG = LoggerFactory.getLogger(Assignments.class);
    static final int REASSIGN_BATCH = 100;

    private final RoutingRepository repository;
    private final TeamManagement teams;
    private final AgentManagement agents;
    private final TicketManagement tickets;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate batch;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    Assignments(RoutingRepository repository, TeamManagement teams, AgentManagement agents, TicketManagement tickets,
                ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.teams = teams;
        this.agents = agents;
        this.tickets = tickets;
        this.events = events;
        this.clock = clock;
        this.batch = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The agent of {@code team} who should get a ticket now, by the team's strategy; empty when the team is
     * routed manually or no member can take it (all away, off shift or at capacity).
     *
     * <p>Call it in the transaction that then assigns the ticket: it locks the team's routing row until that
     * transaction ends, so a second ticket routed at the same moment waits and counts the first one's
     * assignment (otherwise both could go to the same least-loaded agent, past their cap). Called on its own,
     * the lock ends when this method returns. A wait longer than the database's lock timeout answers empty
     * rather than failing the caller: an unassigned ticket in the team's queue beats a lost one.
     *
     * @param requiredSkills   what the ticket needs ({@code billing}, {@code lang:de}); only the skills strategy uses it
     * @param previousAssignee for a follow-up, the agent who had the ticket: they get it again if they are a
     *                         member, available and under their cap (even under round robin, without taking a turn)
     */
    @Transactional
    public Optional<AgentId> choose(TeamId team, Set<String> requiredSkills, Optional<AgentId> previousAssignee) {
        return pick(team, Skills.required(requiredSkills), previousAssignee.orElse(null), null);
    }

    @Transactional(readOnly = true)
    public Strategy strategy(TeamId team) {
        requireTeam(team);
        return repository.find(team).map(TeamRouting::strategy).orElse(Strategy.MANUAL);
    }

    @Transactional
    public Strategy setStrategy(TeamId team, Strategy strategy, Initiator by) {
        Objects.requireNonNull(strategy, "strategy");
        Team existing = requireTeam(team);
        Strategy before = repository.find(team).map(TeamRouting::strategy).orElse(Strategy.MANUAL);
        repository.saveStrategy(team, strategy, clock.instant());
        if (before != strategy) {
            events.publishEvent(new RoutingChanged("team.assignment_changed", "team", team.value(),
                    "Assignment of team " + existing.name() + ": " + before.label() + " → " + strategy.label(), by));
        }
        return strategy;
    }

    @Transactional(readOnly = true)
    public Availability availability(AgentId agent) {
        requireAgent(agent);
        return repository.availability(agent).orElse(Availability.DEFAULT);
    }

    /**
     * Replaces the agent's availability. Audited unless an agent only changes their own status or shift:
     * that is presence, flipped many times a day, and would drown the admins' trail.
     */
    @Transactional
    public Availability setAvailability(AgentId agent, Availability availability, Initiator by) {
        Objects.requireNonNull(availability, "availability");
        Agent existing = requireAgent(agent);
        Availability before = repository.availability(agent).orElse(Availability.DEFAULT);
        repository.saveAvailability(agent, availability, clock.instant());
        boolean own = Actor.agent(agent).equals(by.actor());
        if (!availability.equals(before) && (!own || !Objects.equals(before.capacity(), availability.capacity()))) {
            events.publishEvent(new RoutingChanged("agent.availability_changed", "agent", agent.value(),
                    "Availability of " + existing.email() + ": " + describe(availability), by));
        }
        return availability;
    }

    /** How many unsolved tickets are assigned to the agent: what their capacity is compared with. */
    @Transactional(readOnly = true)
    public int load(AgentId agent) {
        return repository.load(agent);
    }

    /** Whether routing would give the agent a ticket now (online, in shift, under capacity). */
    @Transactional(readOnly = true)
    public boolean assignableNow(AgentId agent) {
        Availability availability = availability(agent);
        return availability.takesWorkAt(clock.instant()) && availability.hasRoomFor(repository.load(agent));
    }

    @Transactional(readOnly = true)
    public Set<String> skills(AgentId agent) {
        requireAgent(agent);
        return repository.skills(agent);
    }

    /** Replaces the agent's skills with these (normalised to lower case; invalid ones are refused). */
    @Transactional
    public Set<String> setSkills(AgentId agent, Set<String> skills, Initiator by) {
        Set<String> clean = Skills.checked(skills);
        Agent existing = requireAgent(agent);
        Set<String> before = repository.skills(agent);
        repository.replaceSkills(agent, clean);
        if (!before.equals(clean)) {
            events.publishEvent(new RoutingChanged("agent.skills_changed", "agent", agent.value(),
                    "Skills of " + existing.email() + ": " + (clean.isEmpty() ? "none" : String.join(", ", clean)), by));
        }
        return clean;
    }

    /**
     * Moves every unsolved ticket of {@code from} (deactivated, on leave) to another member of the ticket's
     * team chosen by the team's strategy, or unassigns it when nobody can take it (manual team, no team,
     * everyone away or full). Works in batches of {@value #REASSIGN_BATCH} tickets, each batch in its own
     * transaction unless the caller has one, so a large reassignment neither holds locks for long nor
     * starts over after a failure; a ticket that cannot be changed (changed at the same moment by someone
     * else) is rolled back to a savepoint, logged and left with {@code from}.
     *
     * @return how many tickets were taken off {@code from} (reassigned or unassigned)
     */
    public int reassignAll(AgentId from, Actor by) {
        requireAgent(from);
        int moved = 0;
        long after = 0;
        while (true) {
            long cursor = after;
            BatchResult result = batch.execute(status -> reassignBatch(from, cursor, by));
            moved += result.moved();
            if (result.read() < REASSIGN_BATCH) {
                return moved;
            }
            after = result.lastId();
        }
    }

    private record BatchResult(int read, long lastId, int moved) {
    }

    private BatchResult reassignBatch(AgentId from, long after, Actor by) {
        List<AssignedTicket> page = repository.unsolvedAssigned(from, after, REASSIGN_BATCH);
        if (page.isEmpty()) {
            return new BatchResult(0, after, 0);
        }
        long lastId = page.get(page.size() - 1).id().value();
        // Team locks in one order (team id, then ticket id), so two reassignments running at once cannot
        // each hold a team the other waits for.
        List<AssignedTicket> ordered = page.stream()
                .sorted(Comparator.comparing((AssignedTicket t) -> t.team() == null ? 0L : t.team().value())
                        .thenComparing(t -> t.id().value()))
                .toList();
        int moved = 0;
        for (AssignedTicket ticket : ordered) {
            try {
                savepoint.executeWithoutResult(status -> {
                    AgentId to = ticket.team() == null ? null
                            : pick(ticket.team(), Set.of(), null, from).orElse(null);
                    tickets.update(ticket.id(), null, List.of(new TicketChange.Assign(to)), by);
                });
                moved++;
            } catch (RuntimeException e) {
                LOG.warn("Could not reassign ticket {} from agent {}: {}", ticket.id(), from, e.getMessage());
            }
        }
        return new BatchResult(page.size(), lastId, moved);
    }

    /** {@link #choose} with the normalised skills, and an agent who must not get the ticket ({@code excluded}). */
    private Optional<AgentId> pick(TeamId team, Set<String> required, AgentId previous, AgentId excluded) {
        Optional<TeamRouting> routing;
        try {
            // In a savepoint, so that a lock wait beyond the database's timeout (H2: 2 s; PostgreSQL waits
            // unless lock_timeout is set) leaves this one ticket unassigned instead of failing its save.
            routing = savepoint.execute(status -> repository.lock(team));
        } catch (DataAccessException e) {
            if (!lockUnavailable(e)) {
                throw e;
            }
            LOG.warn("Team {} is busy routing another ticket; leaving this one unassigned: {}", team,
                    e.getMostSpecificCause().getMessage());
            return Optional.empty();
        }
        // No row: the team was never given a strategy, so it is routed manually and there is nothing to lock.
        if (routing.isEmpty() || routing.get().strategy() == Strategy.MANUAL) {
            return Optional.empty();
        }
        Strategy strategy = routing.get().strategy();
        List<Candidate> members = repository.members(team, strategy == Strategy.SKILLS).stream()
                .filter(c -> !c.id().equals(excluded)).toList();
        Optional<Pick> pick = AssignmentPicker.pick(strategy, members, routing.get().lastAgent(), required, previous,
                clock.instant());
        pick.filter(p -> !p.followUp()).ifPresent(p -> repository.moveOn(team, p.agent()));
        return pick.map(Pick::agent);
    }

    /**
     * A lock wait that ran out or a deadlock: H2's timeout arrives translated, PostgreSQL's
     * {@code lock_timeout} (55P03) only as an uncategorised error, so the SQL state decides.
     */
    private static boolean lockUnavailable(DataAccessException e) {
        if (e instanceof TransientDataAccessException) {
            return true;
        }
        String state = e.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
        return state != null && (state.equals("55P03") || state.startsWith("40"));
    }

    private Team requireTeam(TeamId team) {
        return teams.find(team).orElseThrow(() -> new RoutingNotFound("There is no team " + team + "."));
    }

    private Agent requireAgent(AgentId agent) {
        return agents.find(agent).orElseThrow(() -> new RoutingNotFound("There is no agent " + agent + "."));
    }

    private static String describe(Availability a) {
        return a.status().name().toLowerCase() + ", " + (a.capacity() == null ? "no cap" : "capacity " + a.capacity())
                + ", " + (a.shift() == null ? "no shift" : "shift " + a.shift());
    }
}
