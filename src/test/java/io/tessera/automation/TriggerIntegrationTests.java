package io.tessera.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.conversation.BodyFormat;
import io.tessera.conversation.Conversations;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.ActorNames;
import io.tessera.ticket.Channel;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;
import io.tessera.view.ConditionRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Triggers acting inside the ticket's transaction: order, the loop guard, the depth cap, a refused action
 * that keeps the person's change, the timeline naming the rule, and the admin API. Every trigger here is
 * limited to this test's own team, so triggers never touch other tests' tickets.
 */
@IntegrationTest
class TriggerIntegrationTests {

    @LocalServerPort int port;
    @Autowired Triggers triggers;
    @Autowired Conversations conversations;
    @Autowired TicketManagement tickets;
    @Autowired TicketEventLog log;
    @Autowired ActorNames actorNames;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired ObjectMapper json;

    Team team;
    Agent agent;
    Agent admin;
    CustomerId customer;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        team = teams.create("Triggers " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        agent = agents.get(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        admin = agents.get(Agents.create(agents, Role.ADMIN, Set.of(team.id())).id());
        String id = UUID.randomUUID().toString().substring(0, 8);
        customer = customers.create("Customer " + id, "c-" + id + "@example.test", null, null);
    }

    @AfterEach
    void removeTriggers() {
        created.forEach(id -> triggers.delete(id, Initiator.system()));
    }

    Trigger trigger(String name, List<String> events, List<ConditionRow> all, List<ActionRow> actions) {
        List<ConditionRow> scoped = new ArrayList<>(all);
        scoped.add(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value()))));
        Trigger trigger = triggers.create(new TriggerDraft(name, null, true, events, scoped, List.of(), actions),
                Initiator.system());
        created.add(trigger.id());
        return trigger;
    }

    Ticket open(String subject, Priority priority) {
        return conversations.open(new NewTicket(subject, customer, Channel.WEB, priority, null, team.id(), null, Set.of(), null),
                "Please help", BodyFormat.TEXT, Actor.agent(agent.id()), null);
    }

    @Test
    void aTriggerActsInTheTransactionThatCreatedTheTicketAndTheTimelineNamesIt() {
        Trigger urgent = trigger("Urgent words", List.of("created"),
                List.of(new ConditionRow("priority", "is", List.of("high"))),
                List.of(new ActionRow("set_priority", List.of("urgent")), new ActionRow("add_tags", List.of("escalated")),
                        new ActionRow("add_note", List.of("Raised to urgent by the trigger."))));

        Ticket ticket = open("Server down", Priority.HIGH);

        Ticket now = tickets.get(ticket.id());
        assertThat(now.priority()).isEqualTo(Priority.URGENT);
        assertThat(now.tags()).contains("escalated");
        List<LoggedEvent> events = log.history(ticket.id());
        LoggedEvent change = events.stream().filter(e -> e.type().equals("priority_changed")).findFirst().orElseThrow();
        assertThat(change.actor()).isEqualTo(Actor.automation(urgent.id()));
        assertThat(actorNames.of(List.of(change.actor())).get(change.actor())).isEqualTo("Urgent words");
        assertThat(events.stream().filter(e -> e.type().equals("message_added") && e.actor().equals(Actor.automation(urgent.id()))))
                .hasSize(1);

        Ticket low = open("A question", Priority.LOW);
        assertThat(tickets.get(low.id()).priority()).as("conditions not met").isEqualTo(Priority.LOW);
    }

    @Test
    void triggersRunInOrderAndALaterOneSeesWhatAnEarlierOneDid() {
        trigger("Tag VIPs", List.of("created"), List.of(), List.of(new ActionRow("add_tags", List.of("vip"))));
        trigger("VIPs are high", List.of("created", "updated"), List.of(new ConditionRow("tags", "has_any", List.of("vip"))),
                List.of(new ActionRow("set_priority", List.of("high"))));

        Ticket ticket = open("Order", Priority.NORMAL);

        assertThat(tickets.get(ticket.id()).priority()).isEqualTo(Priority.HIGH);
        List<Long> reorder = new ArrayList<>(triggers.list().stream().map(Trigger::id).toList());
        assertThat(reorder).containsSubsequence(created.get(0), created.get(1));
    }

    @Test
    void aTriggerIsNotWokenByItsOwnChangeAndTwoTriggersUndoingEachOtherStop() {
        trigger("Open to pending", List.of("updated"), List.of(new ConditionRow("tags", "has_any", List.of("ping"))),
                List.of(new ActionRow("remove_tags", List.of("ping")), new ActionRow("add_tags", List.of("pong"))));
        trigger("Back again", List.of("updated"), List.of(new ConditionRow("tags", "has_any", List.of("pong"))),
                List.of(new ActionRow("remove_tags", List.of("pong")), new ActionRow("add_tags", List.of("ping"))));
        Ticket ticket = open("Loop", Priority.NORMAL);
        long before = log.history(ticket.id()).size();

        tickets.update(ticket.id(), null, List.of(new TicketChange.AddTags(Set.of("ping"))), Actor.agent(agent.id()));

        // The agent's change, then at most the depth cap's rounds of rule changes (5 rounds × 2 triggers, each
        // acting at most twice a round as the other wakes it): it ends, and what was done committed.
        long ruleEvents = log.history(ticket.id()).stream().skip(before)
                .filter(e -> e.actor().type() == Actor.Type.RULE).count();
        assertThat(ruleEvents).isPositive().isLessThanOrEqualTo(20);
        assertThat(tickets.get(ticket.id()).tags()).containsAnyOf("ping", "pong");
    }

    @Test
    void aRefusedActionKeepsThePersonsChangeAndRecordsTheError() {
        Agent outsider = agents.get(Agents.create(agents, Role.AGENT, Set.of()).id());
        Trigger assign = trigger("Assign to outsider", List.of("updated"), List.of(new ConditionRow("priority", "is", List.of("urgent"))),
                List.of(new ActionRow("assign", List.of(String.valueOf(outsider.id().value())))));
        Ticket ticket = open("Refused", Priority.NORMAL);

        tickets.update(ticket.id(), null, List.of(new TicketChange.SetPriority(Priority.URGENT)), Actor.agent(agent.id()));

        Ticket now = tickets.get(ticket.id());
        assertThat(now.priority()).isEqualTo(Priority.URGENT);
        assertThat(now.assignee()).isNull();
        assertThat(triggers.get(assign.id()).lastError()).contains(ticket.display()).contains("not a member");
    }

    @Test
    void customerRepliedAndAgentRepliedAreTheirOwnEvents() {
        trigger("Customer wrote", List.of("customer_replied"), List.of(), List.of(new ActionRow("add_tags", List.of("customer-wrote"))));
        Ticket ticket = open("Replies", Priority.NORMAL);
        assertThat(tickets.get(ticket.id()).tags()).doesNotContain("customer-wrote");

        conversations.agentWrote(ticket.id(), null, Actor.agent(agent.id()), "On it", false, List.of());
        assertThat(tickets.get(ticket.id()).tags()).doesNotContain("customer-wrote");

        conversations.customerWrote(ticket.id(), Actor.customer(customer.value()), "Thanks", BodyFormat.TEXT, Channel.WEB);
        assertThat(tickets.get(ticket.id()).tags()).contains("customer-wrote");
    }

    @Test
    void theAdminApiCreatesTestsAndRefusesWithProblemsNamingTheField() throws Exception {
        ApiClient api = new ApiClient(port);
        String auth = ApiClient.basic(admin.email(), Agents.PASSWORD);
        Ticket ticket = open("API", Priority.HIGH);
        String body = """
                {"name":"API trigger","events":["created"],
                 "conditions":{"all":[{"field":"priority","operator":"is","values":["high"]},
                                      {"field":"team","operator":"is","values":["%d"]}]},
                 "actions":[{"type":"add_tags","values":["api"]}]}""".formatted(team.id().value());
        HttpResponse<String> createdResponse = api.postJson("/api/v1/admin/triggers", body, auth);
        assertThat(createdResponse.statusCode()).isEqualTo(201);
        JsonNode trigger = json.readTree(createdResponse.body());
        created.add(trigger.get("id").asLong());
        assertThat(trigger.get("actions").get(0).get("type").asString()).isEqualTo("add_tags");

        JsonNode preview = json.readTree(api.postJson("/api/v1/admin/triggers/" + trigger.get("id").asLong() + "/test?ticket="
                + ticket.number(), "", auth).body());
        assertThat(preview.get("matches").asBoolean()).isTrue();
        assertThat(preview.get("wouldDo").get(0).asString()).isEqualTo("Add tags: api");
        assertThat(tickets.get(ticket.id()).tags()).as("a test changes nothing").doesNotContain("api");

        HttpResponse<String> bad = api.postJson("/api/v1/admin/triggers",
                "{\"name\":\"Bad\",\"events\":[\"created\"],\"actions\":[{\"type\":\"set_priority\",\"values\":[\"huge\"]}]}", auth);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("actions[0]");
        HttpResponse<String> noEvents = api.postJson("/api/v1/admin/triggers",
                "{\"name\":\"Bad\",\"actions\":[{\"type\":\"add_tags\",\"values\":[\"x\"]}]}", auth);
        assertThat(noEvents.body()).contains("events");

        HttpResponse<String> forbidden = api.get("/api/v1/admin/triggers", ApiClient.basic(agent.email(), Agents.PASSWORD));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(TicketStatus.NEW).isNotNull();
    }
}
