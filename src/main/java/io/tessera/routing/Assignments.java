package io.tessera.routing;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.routing.RoutingRepository.TeamRouting;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;

/**
 * Routing's API: which agent of a team gets a ticket ({@link #choose}), the settings that decide it (team
 * strategies; agents' availability, capacity, shifts and skills), and moving an absent agent's tickets to
 * their colleagues ({@link #reassignAll}). Who may change what is the callers' business: agents set their
 * own availability, admins everything else (see the API). Admin changes are audited.
 */
@Service
public class Assignments {

    private final RoutingRepository repository;
    private final TeamRouter router;
    private final Reassignment reassignment;
    private final TeamManagement teams;
    private final AgentManagement agents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assignments(RoutingRepository repository, TeamRouter router, Reassignment reassignment, TeamManagement teams,
                AgentManagement agents, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.router = router;
        this.reassignment = reassignment;
        this.teams = teams;
        this.agents = agents;
        this.events = events;
        this.clock = clock;
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
        return router.route(team, Skills.required(requiredSkills), previousAssignee.orElse(null), null);
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
     * everyone away or full). Works in batches of {@value Reassignment#BATCH} tickets, each batch in its own
     * transaction unless the caller has one, so a large reassignment neither holds locks for long nor
     * starts over after a failure; a ticket that cannot be changed (changed at the same moment by someone
     * else) is rolled back to a savepoint, logged and left with {@code from}.
     *
     * @return how many tickets were taken off {@code from} (reassigned or unassigned)
     */
    public int reassignAll(AgentId from, Actor by) {
        requireAgent(from);
        return reassignment.reassignAll(from, by);
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
