package io.tessera.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.shared.TicketId;
import io.tessera.testing.Agents;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * Test data for routing: a fresh team with its own agents (ids ascending in creation order) and tickets
 * for it, so every test routes among people no other test touches.
 */
final class RoutingTestData {

    private final AgentManagement agents;
    private final TeamManagement teams;
    private final TicketManagement tickets;
    private final CustomerId customer;

    RoutingTestData(AgentManagement agents, TeamManagement teams, TicketManagement tickets, Customers customers) {
        this.agents = agents;
        this.teams = teams;
        this.tickets = tickets;
        String id = UUID.randomUUID().toString().substring(0, 8);
        this.customer = customers.create("Routing customer " + id, "routing-" + id + "@example.test", null, null);
    }

    record TeamWithAgents(TeamId id, List<AgentId> agents) {
        AgentId agent(int index) {
            return agents.get(index);
        }
    }

    /** A team of {@code size} new agents. */
    TeamWithAgents team(int size) {
        Team team = teams.create("Routing " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(),
                Initiator.system());
        List<AgentId> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        }
        return new TeamWithAgents(team.id(), List.copyOf(members));
    }

    /** An agent in several teams at once. */
    AgentId agentIn(TeamId... memberOf) {
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(memberOf));
        return agent.id();
    }

    TicketId open(TeamId team, AgentId assignee) {
        return tickets.create(new NewTicket("Routing test", customer, Channel.WEB, Priority.NORMAL, null, team, assignee,
                Set.of(), null), Actor.system()).id();
    }

    /** A solved ticket: it no longer counts against anyone's load. */
    TicketId solved(TeamId team, AgentId assignee) {
        Instant now = Instant.now();
        return tickets.importTicket(new TicketImport("Solved routing test", customer, null, team, assignee,
                TicketStatus.SOLVED, Priority.NORMAL, null, Channel.WEB, now, now, now, now, null), Actor.system()).id();
    }

    void openMany(TeamId team, AgentId assignee, int count) {
        for (int i = 0; i < count; i++) {
            open(team, assignee);
        }
    }
}
