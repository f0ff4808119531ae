package io.tessera.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.routing.Assignments;
import io.tessera.routing.Strategy;
import io.tessera.shared.Actor;
import io.tessera.shared.AgentId;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.sla.SlaClocks;
import io.tessera.sla.SlaMetric;
import io.tessera.sla.SlaPolicies;
import io.tessera.sla.SlaPolicy;
import io.tessera.sla.SlaPolicyDraft;
import io.tessera.testing.Agents;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;
import io.tessera.view.ConditionRow;

/**
 * Routing rules on creation: a trigger that assigns by the team's strategy (round robin here) and one that
 * puts VIP tickets under an SLA policy whose own conditions would not choose it.
 */
@IntegrationTest
class RuleRoutingIntegrationTests {

    @Autowired Triggers triggers;
    @Autowired Assignments assignments;
    @Autowired SlaPolicies policies;
    @Autowired SlaClocks clocks;
    @Autowired Conversations conversations;
    @Autowired TicketManagement tickets;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;

    Team team;
    List<AgentId> members = new ArrayList<>();
    CustomerId customer;
    final List<Long> createdTriggers = new ArrayList<>();
    final List<Long> createdPolicies = new ArrayList<>();

    @BeforeEach
    void setUp() {
        team = teams.create("Routing " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        for (int i = 0; i < 2; i++) {
            members.add(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        }
        team = teams.get(team.id());
        String id = UUID.randomUUID().toString().substring(0, 8);
        customer = customers.create("Vera " + id, "v-" + id + "@example.test", null, null);
    }

    @AfterEach
    void cleanUp() {
        createdTriggers.forEach(id -> triggers.delete(id, Initiator.system()));
        createdPolicies.forEach(id -> policies.delete(id, Initiator.system()));
    }

    Trigger onCreated(String name, List<ConditionRow> extra, List<ActionRow> actions) {
        List<ConditionRow> all = new ArrayList<>(extra);
        all.add(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value()))));
        Trigger trigger = triggers.create(new TriggerDraft(name, null, true, List.of("created"), all, List.of(), actions),
                Initiator.system());
        createdTriggers.add(trigger.id());
        return trigger;
    }

    Ticket open(Set<String> tags) {
        return conversations.open(new NewTicket("Help", customer, Channel.WEB, Priority.NORMAL, null, team.id(), null,
                tags, null), "Please", BodyFormat.TEXT, Actor.customer(customer.value()), null);
    }

    @Test
    void aTriggerAssignsNewTicketsByTheTeamsRoundRobin() {
        assignments.setStrategy(team.id(), Strategy.ROUND_ROBIN, Initiator.system());
        Trigger route = onCreated("Route " + team.name(), List.of(), List.of(new ActionRow("assign_by_strategy", List.of())));

        AgentId first = tickets.get(open(Set.of()).id()).assignee();
        AgentId second = tickets.get(open(Set.of()).id()).assignee();

        assertThat(members).contains(first, second);
        assertThat(first).isNotEqualTo(second);
        Ticket third = tickets.get(open(Set.of()).id());
        assertThat(third.assignee()).isEqualTo(first);
        assertThat(triggers.get(route.id()).lastError()).isNull();
    }

    @Test
    void aFollowUpGoesBackToTheAgentWhoHadTheClosedTicket() {
        assignments.setStrategy(team.id(), Strategy.ROUND_ROBIN, Initiator.system());
        onCreated("Route " + team.name(), List.of(), List.of(new ActionRow("assign_by_strategy", List.of())));
        Ticket first = tickets.get(open(Set.of()).id());
        AgentId had = first.assignee();
        tickets.update(first.id(), null, List.of(new io.tessera.ticket.TicketChange.SetStatus(io.tessera.ticket.TicketStatus.SOLVED)),
                Actor.agent(had));
        tickets.update(first.id(), null, List.of(new io.tessera.ticket.TicketChange.SetStatus(io.tessera.ticket.TicketStatus.CLOSED)),
                Actor.agent(had));

        Ticket followUp = conversations.customerWrote(first.id(), Actor.customer(customer.value()), "It broke again",
                BodyFormat.TEXT, Channel.WEB);

        assertThat(followUp.id()).as("a new, linked ticket").isNotEqualTo(first.id());
        assertThat(tickets.get(followUp.id()).assignee()).as("round robin would have picked the other agent").isEqualTo(had);
    }

    @Test
    void aManualTeamLeavesTheTicketInTheQueue() {
        onCreated("Route " + team.name(), List.of(), List.of(new ActionRow("assign_by_strategy", List.of())));

        assertThat(tickets.get(open(Set.of()).id()).assignee()).isNull();
    }

    @Test
    void aTriggerPutsVipTicketsUnderTheirOwnPolicy() {
        SlaPolicy vip = policies.create(new SlaPolicyDraft("VIP " + team.name(), null, true,
                List.of(new ConditionRow("tags", "has_any", List.of("never-set-" + team.id().value()))), List.of(), null, 10,
                List.of(new SlaPolicyDraft.TargetRow("normal", "first_response", 15, false))), Initiator.system());
        createdPolicies.add(vip.id());
        onCreated("VIP SLA " + team.name(), List.of(new ConditionRow("tags", "has_any", List.of("vip"))),
                List.of(new ActionRow("apply_sla_policy", List.of(String.valueOf(vip.id())))));

        Ticket ticket = open(Set.of("vip"));

        var sla = clocks.of(ticket.id()).orElseThrow();
        assertThat(sla.policy()).isEqualTo(vip.name());
        assertThat(sla.targets().get(SlaMetric.FIRST_RESPONSE).targetMinutes()).isEqualTo(15);
        assertThat(clocks.of(open(Set.of()).id())).as("no vip tag, no policy").isEmpty();
    }
}
