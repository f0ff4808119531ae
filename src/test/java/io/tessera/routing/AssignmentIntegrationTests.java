package io.tessera.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.customer.Customers;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.TeamManagement;
import io.tessera.routing.Availability.Status;
import io.tessera.routing.RoutingTestData.TeamWithAgents;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * {@link Assignments} on the real database: each strategy, availability, shifts, capacity, follow-ups,
 * skills, reassigning an absent agent's tickets, and the audit trail of admin changes. Every test has its
 * own team and agents.
 */
@IntegrationTest
class AssignmentIntegrationTests {

    @Autowired Assignments assignments;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired TicketManagement tickets;
    @Autowired Customers customers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;

    RoutingTestData data;

    @BeforeEach
    void setUp() {
        data = new RoutingTestData(agents, teams, tickets, customers);
    }

    Optional<AgentId> choose(TeamId team) {
        return assignments.choose(team, Set.of(), Optional.empty());
    }

    void strategy(TeamWithAgents team, Strategy strategy) {
        assignments.setStrategy(team.id(), strategy, Initiator.system());
    }

    void availability(AgentId agent, Status status, Integer capacity, Shift shift) {
        assignments.setAvailability(agent, new Availability(status, capacity, shift), Initiator.system());
    }

    @Test
    void aTeamWithoutAStrategyIsRoutedManually() {
        TeamWithAgents team = data.team(2);

        assertThat(assignments.strategy(team.id())).isEqualTo(Strategy.MANUAL);
        assertThat(choose(team.id())).isEmpty();
        strategy(team, Strategy.LEAST_LOADED);
        strategy(team, Strategy.MANUAL);
        assertThat(choose(team.id())).isEmpty();
        assertThat(assignments.choose(team.id(), Set.of(), Optional.of(team.agent(0)))).as("not even a follow-up").isEmpty();
    }

    @Test
    void roundRobinGoesThroughTheMembersInTurnAndRemembersWhereItStopped() {
        TeamWithAgents team = data.team(3);
        strategy(team, Strategy.ROUND_ROBIN);
        data.openMany(team.id(), team.agent(1), 3);

        List<AgentId> picked = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            picked.add(choose(team.id()).orElseThrow());
        }

        assertThat(picked).containsExactly(team.agent(0), team.agent(1), team.agent(2), team.agent(0));
        assertThat(jdbc.sql("select last_agent_id from team_assignment where team_id = ?").param(team.id().value())
                .query(Long.class).single()).isEqualTo(team.agent(0).value());
    }

    @Test
    void leastLoadedPicksTheAgentWithFewestUnsolvedTicketsInAnyTeam() {
        TeamWithAgents team = data.team(3);
        TeamWithAgents other = data.team(0);
        strategy(team, Strategy.LEAST_LOADED);
        data.openMany(team.id(), team.agent(0), 2);
        data.open(team.id(), team.agent(1));
        // Solved tickets are done: they do not count. Tickets of another team do (capacity is the person's).
        data.solved(team.id(), team.agent(2));
        data.solved(team.id(), team.agent(2));
        assertThat(choose(team.id())).contains(team.agent(2));

        data.openMany(team.id(), team.agent(2), 2);
        assertThat(choose(team.id())).contains(team.agent(1));

        AgentId both = data.agentIn(team.id(), other.id());
        data.openMany(other.id(), both, 5);
        assertThat(choose(team.id())).as("five tickets in the other team").contains(team.agent(1));
        assertThat(assignments.load(both)).isEqualTo(5);
    }

    @Test
    void everyStrategySkipsAgentsWhoAreAwayOfflineOrDeactivated() {
        TeamWithAgents team = data.team(4);
        availability(team.agent(0), Status.AWAY, null, null);
        availability(team.agent(1), Status.OFFLINE, null, null);
        agents.deactivate(team.agent(2), Initiator.system());

        for (Strategy strategy : List.of(Strategy.ROUND_ROBIN, Strategy.LEAST_LOADED, Strategy.SKILLS)) {
            strategy(team, strategy);
            assertThat(choose(team.id())).as(strategy.name()).contains(team.agent(3));
            assertThat(choose(team.id())).as(strategy.name()).contains(team.agent(3));
        }
        availability(team.agent(3), Status.AWAY, null, null);
        assertThat(choose(team.id())).isEmpty();
        availability(team.agent(0), Status.ONLINE, null, null);
        assertThat(choose(team.id())).as("back online").contains(team.agent(0));
    }

    @Test
    void agentsGetTicketsOnlyWithinTheirShiftInTheirZone() {
        TeamWithAgents team = data.team(1);
        strategy(team, Strategy.ROUND_ROBIN);
        // Shifts around the test clock's time, so the test holds at any hour (an overnight shift works too).
        LocalTime now = clock.instant().atZone(ZoneOffset.UTC).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        Shift later = new Shift(now.plusHours(1), now.plusHours(3), ZoneOffset.UTC);
        availability(team.agent(0), Status.ONLINE, null, later);
        assertThat(choose(team.id())).as("before the shift").isEmpty();
        assertThat(assignments.assignableNow(team.agent(0))).isFalse();

        clock.advance(Duration.ofHours(2));
        assertThat(choose(team.id())).as("during the shift").contains(team.agent(0));

        // Hours are the agent's local ones: a shift that ended an hour ago in UTC+2 (Etc/GMT-2, POSIX sign).
        ZoneId plusTwo = ZoneId.of("Etc/GMT-2");
        LocalTime there = clock.instant().atZone(plusTwo).toLocalTime().truncatedTo(ChronoUnit.MINUTES);
        availability(team.agent(0), Status.ONLINE, null, new Shift(there.minusHours(4), there.minusHours(1), plusTwo));
        assertThat(choose(team.id())).as("after the shift in the agent's zone").isEmpty();
    }

    @Test
    void theCapacityCapsUnsolvedTicketsAssigned() {
        TeamWithAgents team = data.team(2);
        strategy(team, Strategy.ROUND_ROBIN);
        availability(team.agent(0), Status.ONLINE, 2, null);
        availability(team.agent(1), Status.ONLINE, 0, null);
        TicketId first = data.open(team.id(), team.agent(0));
        assertThat(choose(team.id())).contains(team.agent(0));

        data.open(team.id(), team.agent(0));
        assertThat(choose(team.id())).as("both at their cap").isEmpty();

        tickets.update(first, null, List.of(new TicketChange.SetStatus(TicketStatus.SOLVED)), Actor.system());
        assertThat(choose(team.id())).as("solving one makes room").contains(team.agent(0));
    }

    @Test
    void aFollowUpGoesBackToThePreviousAssigneeIfTheyCanTakeIt() {
        TeamWithAgents team = data.team(3);
        strategy(team, Strategy.LEAST_LOADED);
        data.openMany(team.id(), team.agent(0), 3);
        AgentId busy = team.agent(0);

        assertThat(assignments.choose(team.id(), Set.of(), Optional.of(busy))).contains(busy);
        assertThat(choose(team.id())).as("the follow-up took nobody's turn").contains(team.agent(1));

        availability(busy, Status.ONLINE, 3, null);
        assertThat(assignments.choose(team.id(), Set.of(), Optional.of(busy))).as("at capacity").contains(team.agent(2));
        availability(busy, Status.AWAY, null, null);
        assertThat(assignments.choose(team.id(), Set.of(), Optional.of(busy))).as("away").contains(team.agent(1));
        AgentId outsider = data.agentIn();
        assertThat(assignments.choose(team.id(), Set.of(), Optional.of(outsider))).as("not a member")
                .hasValueSatisfying(agent -> assertThat(agent).isNotEqualTo(outsider));
    }

    @Test
    void theSkillsStrategyPicksAmongAgentsCoveringEveryRequiredSkill() {
        TeamWithAgents team = data.team(3);
        strategy(team, Strategy.SKILLS);
        assignments.setSkills(team.agent(0), Set.of("billing"), Initiator.system());
        assignments.setSkills(team.agent(1), Set.of("Billing", "lang:de"), Initiator.system());
        assignments.setSkills(team.agent(2), Set.of("billing", "lang:de", "vip"), Initiator.system());
        data.openMany(team.id(), team.agent(1), 2);

        assertThat(assignments.skills(team.agent(1))).containsExactly("billing", "lang:de");
        assertThat(assignments.choose(team.id(), Set.of("billing", "LANG:DE"), Optional.empty())).contains(team.agent(2));
        availability(team.agent(2), Status.AWAY, null, null);
        assertThat(assignments.choose(team.id(), Set.of("billing", "lang:de"), Optional.empty())).contains(team.agent(1));
        assertThat(assignments.choose(team.id(), Set.of("lang:fr"), Optional.empty())).isEmpty();

        assignments.setSkills(team.agent(1), Set.of(), Initiator.system());
        assertThat(assignments.skills(team.agent(1))).isEmpty();
        assertThat(assignments.choose(team.id(), Set.of("lang:de"), Optional.empty())).isEmpty();
    }

    @Test
    void reassignAllMovesAnAbsentAgentsUnsolvedTicketsByEachTeamsStrategy() {
        TeamWithAgents routed = data.team(3);
        TeamWithAgents manual = data.team(0);
        strategy(routed, Strategy.LEAST_LOADED);
        AgentId leaving = routed.agent(0);
        teams.update(manual.id(), teams.get(manual.id()).name(), null, Set.of(leaving), Initiator.system());
        data.open(routed.id(), routed.agent(1));
        List<TicketId> routedTickets = List.of(data.open(routed.id(), leaving), data.open(routed.id(), leaving),
                data.open(routed.id(), leaving));
        TicketId inManualTeam = data.open(manual.id(), leaving);
        TicketId withoutTeam = data.open(null, leaving);
        TicketId solved = data.solved(routed.id(), leaving);
        agents.deactivate(leaving, Initiator.system());

        int moved = assignments.reassignAll(leaving, Actor.system());

        assertThat(moved).isEqualTo(5);
        List<AgentId> to = routedTickets.stream().map(id -> tickets.get(id).assignee()).toList();
        // Least loaded: agent 2 (none against one), agent 1 (one each: the next in turn), agent 2 (one against two).
        assertThat(to).containsExactly(routed.agent(2), routed.agent(1), routed.agent(2));
        assertThat(tickets.get(inManualTeam).assignee()).as("manual team: unassigned").isNull();
        assertThat(tickets.get(withoutTeam).assignee()).isNull();
        assertThat(tickets.get(solved).assignee()).as("solved tickets stay").isEqualTo(leaving);
        assertThat(assignments.load(leaving)).isZero();
        assertThat(assignments.reassignAll(leaving, Actor.system())).isZero();
    }

    @Test
    void reassignAllSkipsTheAbsentAgentEvenWhileTheyStillLookAvailable() {
        TeamWithAgents team = data.team(2);
        strategy(team, Strategy.ROUND_ROBIN);
        data.openMany(team.id(), team.agent(0), 3);

        assertThat(assignments.reassignAll(team.agent(0), Actor.system())).isEqualTo(3);

        assertThat(assignments.load(team.agent(0))).isZero();
        assertThat(assignments.load(team.agent(1))).isEqualTo(3);
    }

    @Test
    void reassignAllWorksThroughMoreThanOneBatch() {
        TeamWithAgents team = data.team(2);
        strategy(team, Strategy.LEAST_LOADED);
        int count = Reassignment.BATCH + 5;
        data.openMany(team.id(), team.agent(0), count);

        assertThat(assignments.reassignAll(team.agent(0), Actor.system())).isEqualTo(count);
        assertThat(assignments.load(team.agent(1))).isEqualTo(count);
    }

    @Test
    void adminChangesAreAuditedAndAnAgentsOwnStatusIsNot() {
        TeamWithAgents team = data.team(1);
        AgentId agent = team.agent(0);
        Initiator admin = new Initiator(Actor.agent(data.agentIn()), "Ada");
        Initiator self = new Initiator(Actor.agent(agent), "Agent");

        assignments.setStrategy(team.id(), Strategy.SKILLS, admin);
        assignments.setStrategy(team.id(), Strategy.SKILLS, admin);
        assignments.setSkills(agent, Set.of("billing"), admin);
        assignments.setAvailability(agent, new Availability(Status.ONLINE, 5, null), admin);
        assignments.setAvailability(agent, new Availability(Status.AWAY, 5, null), self);

        assertThat(audit("team", team.id().value())).containsExactly("team.assignment_changed");
        assertThat(audit("agent", agent.value())).containsExactly("agent.skills_changed", "agent.availability_changed");
        assertThat(jdbc.sql("select summary from audit_event where action = 'team.assignment_changed' and subject_id = ?")
                .param(team.id().value()).query(String.class).single()).endsWith("Manual → Skills");
    }

    @Test
    void settingsForUnknownTeamsOrAgentsAreRefused() {
        assertThatThrownBy(() -> assignments.strategy(TeamId.of(987_654_321))).isInstanceOf(RoutingNotFound.class);
        assertThatThrownBy(() -> assignments.availability(AgentId.of(987_654_321))).isInstanceOf(RoutingNotFound.class);
        assertThat(choose(TeamId.of(987_654_321))).isEmpty();
    }

    List<String> audit(String subjectType, long id) {
        return jdbc.sql("select action from audit_event where subject_type = ? and subject_id = ? and action in "
                        + "('team.assignment_changed', 'agent.availability_changed', 'agent.skills_changed') order by id")
                .params(subjectType, id).query(String.class).list();
    }
}
