package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** An agent works a ticket from its page: replies, notes, property changes, and a caught collision. */
@IntegrationTest
class TicketPageIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketEventLog eventLog;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    Team team;
    Agent agent;
    Ticket ticket;

    @BeforeEach
    void ticketInATeam() {
        team = teams.create("Support " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("req" + System.nanoTime() + "@example.test", "Rita Requester");
        ticket = conversations.open(new NewTicket("Printer is on fire", requester.id(), Channel.EMAIL, Priority.NORMAL,
                "incident", team.id(), null, Set.of(), null), "Smoke everywhere.", BodyFormat.TEXT,
                Actor.customer(requester.id().value()), null);
    }

    @Test
    void aReplyWithAStatusChangeIsOneSubmit() {
        HttpSession browser = signedIn(agent);
        Map<String, String> form = formOf(browser.get("/tickets/" + ticket.number()).html());
        form.put("body", "Please **unplug** it and step away.");
        form.put("status", "PENDING");
        form.put("priority", "URGENT");
        form.put("assigneeId", String.valueOf(agent.id().value()));
        form.put("tags", "fire-hazard, Hardware");

        HttpSession.Page result = browser.post("/tickets/" + ticket.number(), form);

        assertThat(result.status()).isEqualTo(302);
        Ticket saved = tickets.get(ticket.id());
        assertThat(saved.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(saved.priority()).isEqualTo(Priority.URGENT);
        assertThat(saved.assignee()).isEqualTo(agent.id());
        assertThat(saved.tags()).containsExactlyInAnyOrder("fire-hazard", "hardware");
        assertThat(saved.firstResponseAt()).isNotNull();
        assertThat(conversations.messages(ticket.id())).extracting(Message::kind)
                .containsExactly(MessageKind.CUSTOMER_MESSAGE, MessageKind.PUBLIC_REPLY);
        Document page = browser.get("/tickets/" + ticket.number()).html();
        assertThat(page.select("article[data-kind=PUBLIC_REPLY] .message-html strong").text()).isEqualTo("unplug");
        assertThat(page.select("#timeline").text())
                .contains("changed status from New to Pending")
                .contains("changed priority from Normal to Urgent")
                .contains("assigned the ticket to " + agent.name())
                .contains("added tags fire-hazard, hardware");
        assertThat(eventLog.history(ticket.id())).extracting(e -> e.type())
                .contains("ticket_created", "message_added", "status_changed", "priority_changed", "assignee_changed", "tags_changed");
    }

    @Test
    void aNoteIsMarkedInternal() {
        HttpSession browser = signedIn(agent);
        Map<String, String> form = formOf(browser.get("/tickets/" + ticket.number()).html());
        form.put("body", "Customer sounds calm, probably just a warm smell.");
        form.put("mode", "note");

        browser.post("/tickets/" + ticket.number(), form);

        assertThat(conversations.messages(ticket.id())).last().satisfies(m -> assertThat(m.internal()).isTrue());
        assertThat(tickets.get(ticket.id()).firstResponseAt()).as("a note is not a response").isNull();
        assertThat(browser.get("/tickets/" + ticket.number()).html().select("article[data-kind=INTERNAL_NOTE]").text())
                .contains("Internal note").contains("warm smell");
    }

    @Test
    void aSubmitAfterSomeoneElsesChangeSavesNothingAndShowsWhatChanged() {
        HttpSession browser = signedIn(agent);
        Map<String, String> stale = formOf(browser.get("/tickets/" + ticket.number()).html());
        Agent colleague = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        conversations.agentWrote(ticket.id(), null, Actor.agent(colleague.id()), "I'm on it.", false, List.of());

        stale.put("body", "My own answer");
        stale.put("status", "SOLVED");
        HttpSession.Page page = browser.post("/tickets/" + ticket.number(), stale);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#conflict").text()).contains("changed while you had it open")
                .contains(colleague.name() + " changed status from New to Open")
                .contains(colleague.name() + " replied");
        assertThat(page.html().select("#body").text()).isEqualTo("My own answer");
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.OPEN);
        assertThat(conversations.messages(ticket.id())).hasSize(2);

        // Having read the warning, the agent submits again and it goes through.
        HttpSession.Page retry = browser.post("/tickets/" + ticket.number(), formOf(page.html()));
        assertThat(retry.status()).isEqualTo(302);
        assertThat(tickets.get(ticket.id()).status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(conversations.messages(ticket.id())).hasSize(3);
    }

    @Test
    void aRefusedChangeKeepsWhatWasTyped() {
        HttpSession browser = signedIn(agent);
        Agent outsider = Agents.create(agents, Role.AGENT);
        Map<String, String> form = formOf(browser.get("/tickets/" + ticket.number()).html());
        form.put("body", "Draft I do not want to lose");
        form.put("assigneeId", String.valueOf(outsider.id().value()));

        HttpSession.Page page = browser.post("/tickets/" + ticket.number(), form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#assigneeId.is-invalid")).isNotEmpty();
        assertThat(page.html().text()).contains("is not a member of the ticket's team");
        assertThat(page.html().select("#body").text()).isEqualTo("Draft I do not want to lose");
        assertThat(conversations.messages(ticket.id())).hasSize(1);
    }

    @Test
    void aControlCharacterInTheSubjectIsAFormErrorThatKeepsWhatWasTyped() {
        HttpSession browser = signedIn(agent);
        Map<String, String> form = formOf(browser.get("/tickets/" + ticket.number()).html());
        form.put("body", "Draft I do not want to lose");
        form.put("subject", "Printer \u0000 on fire");

        HttpSession.Page page = browser.post("/tickets/" + ticket.number(), form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#subject.is-invalid")).isNotEmpty();
        assertThat(page.html().text()).contains("U+0000");
        assertThat(page.html().select("#body").text()).isEqualTo("Draft I do not want to lose");
        assertThat(tickets.get(ticket.id()).subject()).isEqualTo("Printer is on fire");
        assertThat(conversations.messages(ticket.id())).hasSize(1);
    }

    @Test
    void aControlCharacterInAReplyIsAFormErrorOnTheBody() {
        HttpSession browser = signedIn(agent);
        Map<String, String> form = formOf(browser.get("/tickets/" + ticket.number()).html());
        form.put("body", "Bell \u0007 reply\nwith lines");

        HttpSession.Page page = browser.post("/tickets/" + ticket.number(), form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#body.is-invalid")).isNotEmpty();
        assertThat(conversations.messages(ticket.id())).hasSize(1);
    }

    @Test
    void aLineBreakInANewTicketsRequesterNameIsAFormErrorThatKeepsWhatWasTyped() {
        HttpSession browser = signedIn(agent);
        browser.get("/tickets/new");
        Map<String, String> form = new LinkedHashMap<>(Map.of("requesterEmail", "nl" + System.nanoTime() + "@example.test",
                "requesterName", "Rae\r\nBcc: someone", "subject", "Kept subject", "body", "Kept body", "channel", "PHONE",
                "priority", "NORMAL", "teamId", String.valueOf(team.id().value())));

        HttpSession.Page page = browser.post("/tickets/new", form);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#requesterName.is-invalid")).isNotEmpty();
        assertThat(page.html().select("#subject").attr("value")).isEqualTo("Kept subject");
        assertThat(page.html().select("#body").text()).isEqualTo("Kept body");
    }

    @Test
    void agentsOfOtherTeamsGetNotFound() {
        Agent outsider = Agents.create(agents, Role.AGENT);
        HttpSession browser = signedIn(outsider);

        assertThat(browser.get("/tickets/" + ticket.number()).status()).isEqualTo(404);
        browser.get("/");
        assertThat(browser.post("/tickets/" + ticket.number(), Map.of("body", "sneaky")).status()).isEqualTo(404);
        assertThat(conversations.messages(ticket.id())).hasSize(1);
    }

    private HttpSession signedIn(Agent who) {
        HttpSession browser = new HttpSession(port);
        browser.signIn(who.email(), Agents.PASSWORD, false);
        return browser;
    }

    /** The ticket form's fields as the browser would submit them. */
    private static Map<String, String> formOf(Document page) {
        Map<String, String> form = new LinkedHashMap<>();
        page.select("#ticket-form input[name], #ticket-form select[name], #ticket-form textarea[name]").forEach(field -> {
            String name = field.attr("name");
            if (field.tagName().equals("select")) {
                var selected = field.selectFirst("option[selected]");
                form.put(name, selected == null ? "" : selected.attr("value"));
            } else if (field.tagName().equals("textarea")) {
                form.put(name, field.text());
            } else if (field.attr("type").equals("radio")) {
                if (field.hasAttr("checked")) {
                    form.put(name, field.attr("value"));
                }
            } else {
                form.put(name, field.attr("value"));
            }
        });
        return form;
    }
}
