package io.tessera.view;

import java.time.Instant;
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
import io.tessera.testing.Agents;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

/** Test data for views: a fresh team with its own agents and tickets, so shared contexts never interfere. */
record ViewFixtures(AgentManagement agents, TeamManagement teams, Customers customers, TicketManagement tickets) {

    Team team() {
        return teams.create("Views " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
    }

    Agent agent(Role role, Team team) {
        Agent agent = Agents.create(agents, role, Set.of(team.id()));
        return agents.get(agent.id());
    }

    CustomerId customer() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return customers.create("Customer " + id, "c-" + id + "@example.test", null, null);
    }

    TicketRef ticket(TeamId team, AgentId assignee, TicketStatus status, Priority priority, Instant created,
                     Instant updated, Instant solved) {
        return tickets.importTicket(new TicketImport("Views test " + UUID.randomUUID(), customer(), null, team, assignee,
                status, priority, "question", Channel.EMAIL, created, updated, null, solved,
                status == TicketStatus.CLOSED ? updated : null), Actor.system());
    }
}
