package io.tessera.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
import io.tessera.testing.AtOnce;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;
import io.tessera.view.ConditionRow;
import tools.jackson.databind.ObjectMapper;

/**
 * Time-based automations with a controllable clock: acting once the age is reached, in batches until none
 * is left, idempotent (also for an action that changes nothing on the ticket, a reminder email), one run at
 * a time across runners, and the admin API. Every automation is limited to this test's own team.
 */
@IntegrationTest
class AutomationIntegrationTests {

    @LocalServerPort int port;
    @Autowired Automations automations;
    @Autowired Conversations conversations;
    @Autowired TicketManagement tickets;
    @Autowired TicketEventLog log;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired MutableClock clock;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    Team team;
    Agent agent;
    Agent admin;
    CustomerId customer;
    String customerEmail;
    final List<Long> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        team = teams.create("Automations " + UUID.randomUUID().toString().substring(0, 8), null, Set.of(), Initiator.system());
        agent = agents.get(Agents.create(agents, Role.AGENT, Set.of(team.id())).id());
        admin = agents.get(Agents.create(agents, Role.ADMIN, Set.of(team.id())).id());
        String id = UUID.randomUUID().toString().substring(0, 8);
        customerEmail = "c-" + id + "@example.test";
        customer = customers.create("Carla Lindqvist", customerEmail, null, null); // a name greeting can repeat (GreetingName)
    }

    @AfterEach
    void removeAutomations() {
        created.forEach(id -> automations.delete(id, Initiator.system()));
    }

    Automation automation(String name, List<ConditionRow> all, List<ActionRow> actions) {
        List<ConditionRow> scoped = new ArrayList<>(all);
        scoped.add(new ConditionRow("team", "is", List.of(String.valueOf(team.id().value()))));
        Automation automation = automations.create(new AutomationDraft(name, null, true, scoped, List.of(), actions),
                Initiator.system());
        created.add(automation.id());
        return automation;
    }

    Ticket open() {
        return conversations.open(new NewTicket("Printer on fire", customer, Channel.WEB, Priority.NORMAL, null, team.id(),
                agent.id(), Set.of(), null), "Please help", BodyFormat.TEXT, Actor.customer(customer.value()), null);
    }

    void set(Ticket ticket, TicketStatus status) {
        tickets.update(ticket.id(), null, List.of(new TicketChange.SetStatus(status)), Actor.agent(agent.id()));
    }

    long remindersTo(String address) {
        return jdbc.sql("select count(*) from outbound_mail where to_addresses like ? and subject like ?")
                .params("%" + address + "%", "Do you still need help?%").query(Long.class).single();
    }

    @Test
    void closesSolvedTicketsOnceTheyAreOldEnoughAndOnlyOnce() {
        Automation close = automation("Close solved", List.of(new ConditionRow("status", "is", List.of("solved")),
                new ConditionRow("solved", "greater_than", List.of("4d"))), List.of(new ActionRow("set_status", List.of("closed"))));
        Ticket old = open();
        set(old, TicketStatus.SOLVED);
        clock.advance(Duration.ofDays(3));
        Ticket recent = open();
        set(recent, TicketStatus.SOLVED);

        clock.advance(Duration.ofDays(1).plusHours(1));
        automations.runNow();

        assertThat(tickets.get(old.id()).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.get(recent.id()).status()).as("solved only a day ago").isEqualTo(TicketStatus.SOLVED);
        assertThat(log.history(old.id()).stream().filter(e -> e.type().equals("status_changed")).reduce((a, b) -> b)
                .orElseThrow().actor()).isEqualTo(Actor.automation(close.id()));
        Automation after = automations.get(close.id());
        assertThat(after.lastRunAt()).isNotNull();

        long events = log.history(old.id()).size();
        automations.runNow();
        assertThat(log.history(old.id())).as("nothing twice").hasSize((int) events);
    }

    @Test
    void worksInBatchesUntilEveryMatchingTicketIsDone() {
        automation("Tag old new tickets", List.of(new ConditionRow("status", "is", List.of("new")),
                new ConditionRow("created", "greater_than", List.of("2h"))), List.of(new ActionRow("add_tags", List.of("aged"))));
        List<Ticket> opened = new ArrayList<>();
        for (int i = 0; i < AutomationRunner.BATCH + 30; i++) {
            opened.add(open());
        }
        clock.advance(Duration.ofHours(3));

        automations.runNow();

        assertThat(opened).allSatisfy(t -> assertThat(tickets.get(t.id()).tags()).contains("aged"));
    }

    @Test
    void aReminderThatChangesNothingOnTheTicketGoesOncePerWait() {
        automation("Remind", List.of(new ConditionRow("status", "is", List.of("pending")),
                        new ConditionRow("updated", "greater_than", List.of("3d"))),
                List.of(new ActionRow("send_email", List.of("requester", "Do you still need help?",
                        "Hi {{requester.first_name}}, we are waiting for your reply on #{{ticket.number}}."))));
        Ticket ticket = open();
        set(ticket, TicketStatus.PENDING);

        clock.advance(Duration.ofDays(4));
        automations.runNow();
        automations.runNow();
        assertThat(remindersTo(customerEmail)).isEqualTo(1);
        String body = jdbc.sql("select text_body from outbound_mail where to_addresses like ? and subject like ?")
                .params("%" + customerEmail + "%", "Do you still need help?%").query(String.class).single();
        assertThat(body).contains("Hi Carla").contains("#" + ticket.number());

        // The customer answers (the ticket reopens), the agent asks back: a new wait, a new reminder.
        conversations.customerWrote(ticket.id(), Actor.customer(customer.value()), "Still there?", BodyFormat.TEXT, Channel.WEB);
        set(ticket, TicketStatus.PENDING);
        clock.advance(Duration.ofDays(4));
        automations.runNow();
        assertThat(remindersTo(customerEmail)).isEqualTo(2);
    }

    @Test
    void twoRunnersAtOnceActOnEachTicketOnce() throws Exception {
        automation("Note old tickets", List.of(new ConditionRow("status", "is", List.of("new")),
                new ConditionRow("created", "greater_than", List.of("1h"))), List.of(new ActionRow("add_note", List.of("Old."))));
        List<Ticket> opened = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            opened.add(open());
        }
        clock.advance(Duration.ofHours(2));

        AtOnce.run(2, () -> automations.runNow());
        for (Ticket t : opened) {
            assertThat(conversations.messages(t.id()).stream().filter(m -> m.body().equals("Old."))).hasSize(1);
        }
    }

    @Test
    void theAdminApiManagesAutomationsAndRefusesOnesWithoutConditions() throws Exception {
        ApiClient api = new ApiClient(port);
        String auth = ApiClient.basic(admin.email(), Agents.PASSWORD);
        String body = """
                {"name":"API close","conditions":{"all":[{"field":"status","operator":"is","values":["solved"]},
                 {"field":"team","operator":"is","values":["%d"]}]},
                 "actions":[{"type":"set_status","values":["closed"]}]}""".formatted(team.id().value());
        HttpResponse<String> response = api.postJson("/api/v1/admin/automations", body, auth);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        long id = json.readTree(response.body()).get("id").asLong();
        created.add(id);

        Ticket ticket = open();
        set(ticket, TicketStatus.SOLVED);
        String preview = api.postJson("/api/v1/admin/automations/" + id + "/test?ticket=" + ticket.number(), "", auth).body();
        assertThat(json.readTree(preview).get("matches").asBoolean()).isTrue();
        assertThat(tickets.get(ticket.id()).status()).as("a test changes nothing").isEqualTo(TicketStatus.SOLVED);

        HttpResponse<String> noConditions = api.postJson("/api/v1/admin/automations",
                "{\"name\":\"Everything\",\"actions\":[{\"type\":\"add_tags\",\"values\":[\"x\"]}]}", auth);
        assertThat(noConditions.statusCode()).isEqualTo(400);
        assertThat(noConditions.body()).contains("\"field\":\"conditions\"");
        HttpResponse<String> badEmail = api.postJson("/api/v1/admin/automations", """
                {"name":"Bad","conditions":{"all":[{"field":"status","operator":"is","values":["new"]}]},
                 "actions":[{"type":"send_email","values":["someone","Hi","Body"]}]}""", auth);
        assertThat(badEmail.statusCode()).isEqualTo(400);
        assertThat(badEmail.body()).contains("actions[0]");
        assertThat(api.get("/api/v1/admin/automations", ApiClient.basic(agent.email(), Agents.PASSWORD)).statusCode())
                .isEqualTo(403);
    }
}
