package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.customer.Customer;
import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.LinkType;
import io.tessera.ticket.LinkedTicket;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange.SetStatus;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketLinks;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;
import io.tessera.ticket.Visibility;
import io.tessera.identity.TicketScope;

/** Links, splits, followers, and where a customer's message lands on a solved or closed ticket. */
@IntegrationTest
class TicketRelationsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketSplits splits;

    @Autowired
    TicketLinks links;

    @Autowired
    TicketFollowers followers;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketEventLog eventLog;

    @Autowired
    Attachments attachments;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    Team team;
    Agent agent;

    @BeforeEach
    void agentInATeam() {
        team = teams.create("Relations " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
    }

    @Test
    void linksAreAddedAndRemovedOnTheTicketPageAndShowFromBothSides() {
        Ticket parent = open("Outage in EU", "Everything is down.");
        Ticket child = open("Cannot log in", "Login page times out.");
        Ticket related = open("Slow reports", "Reports are slow.");
        HttpSession browser = signedIn(agent);
        browser.get("/tickets/" + parent.number());

        browser.post("/tickets/" + parent.number() + "/links", Map.of("linkType", "child", "linkNumber", "#" + child.number()));
        browser.post("/tickets/" + parent.number() + "/links", Map.of("linkType", "related", "linkNumber", String.valueOf(related.number())));

        Document page = browser.get("/tickets/" + parent.number()).html();
        assertThat(page.select("#links .link-row")).extracting(e -> e.text()).containsExactly(
                "Child #" + child.number() + " Cannot log in New", "Related #" + related.number() + " Slow reports New");
        assertThat(page.select("#timeline").text()).contains("made #" + child.number() + " a child of #" + parent.number());
        assertThat(browser.get("/tickets/" + child.number()).html().select("#links").text())
                .contains("Parent #" + parent.number() + " Outage in EU");

        // A child has one parent; a ticket cannot be its own ancestor; nor linked twice or to itself.
        Ticket other = open("Another outage", "Down again.");
        browser.post("/tickets/" + other.number() + "/links", Map.of("linkType", "child", "linkNumber", String.valueOf(child.number())));
        assertThat(browser.get("/tickets/" + other.number()).html().select("#flash-error").text())
                .isEqualTo("#" + child.number() + " already has a parent (#" + parent.number() + "); a ticket has one parent.");
        assertRefused(() -> links.link(child.id(), LinkType.CHILD, parent.id(), Actor.agent(agent.id())), "is already linked");
        Ticket grandchild = open("Grandchild", "Below.");
        links.link(child.id(), LinkType.CHILD, grandchild.id(), Actor.agent(agent.id()));
        assertRefused(() -> links.link(grandchild.id(), LinkType.CHILD, parent.id(), Actor.agent(agent.id())),
                "cannot be its own ancestor");
        assertRefused(() -> links.link(parent.id(), LinkType.RELATED, parent.id(), Actor.agent(agent.id())), "to itself");

        browser.post("/tickets/" + parent.number() + "/links/remove", Map.of("linkNumber", String.valueOf(child.number())));
        assertThat(links.links(parent.id(), all())).extracting(LinkedTicket::number).containsExactly(related.number());
        assertThat(eventLog.history(child.id())).extracting(e -> e.type()).contains("linked", "unlinked");
        assertThat(browser.get("/tickets/" + child.number()).html().select("#timeline").text())
                .contains("removed the link between #" + parent.number() + " and #" + child.number());
    }

    @Test
    void aLinkedTicketTheAgentCannotSeeShowsOnlyItsNumber() {
        Ticket mine = open("Mine", "Mine.");
        Ticket theirs = open("Secret project", "Theirs.");
        links.link(mine.id(), LinkType.RELATED, theirs.id(), Actor.system());
        tickets.update(theirs.id(), null, List.of(new io.tessera.ticket.TicketChange.SetTeam(null)), Actor.system());

        Document page = signedIn(agent).get("/tickets/" + mine.number()).html();

        assertThat(page.select("#links").text()).contains("#" + theirs.number()).doesNotContain("Secret project");
    }

    @Test
    void aCustomerMessageSplitsIntoARelatedTicketWithItsTextAndAttachments() {
        Ticket origin = open("Two questions", "How do I export? Also: my invoice is wrong.");
        long messageId = conversations.messages(origin.id()).get(0).id();
        Attachment file = attachments.store(origin.id(), messageId, "invoice.txt", "text/plain",
                new ByteArrayInputStream("seats: 12".getBytes(StandardCharsets.UTF_8)));
        conversations.agentWrote(origin.id(), null, Actor.agent(agent.id()), "Which one first?", false, List.of());
        long replyId = conversations.messages(origin.id()).get(1).id();
        HttpSession browser = signedIn(agent);

        Document originPage = browser.get("/tickets/" + origin.number()).html();
        assertThat(originPage.select("article[data-kind=CUSTOMER_MESSAGE] .split-link")).hasSize(1);
        assertThat(originPage.select("article[data-kind=PUBLIC_REPLY] .split-link")).isEmpty();
        Document confirm = browser.get("/tickets/" + origin.number() + "/messages/" + messageId + "/split").html();
        assertThat(confirm.select("#subject").attr("value")).isEqualTo("Two questions");
        HttpSession.Page done = browser.post("/tickets/" + origin.number() + "/messages/" + messageId + "/split",
                Map.of("subject", "Invoice is wrong"));

        long number = Long.parseLong(done.location().replaceAll(".*/tickets/", ""));
        Ticket created = tickets.findByNumber(number).orElseThrow();
        assertThat(created.subject()).isEqualTo("Invoice is wrong");
        assertThat(created.requester()).isEqualTo(origin.requester());
        assertThat(created.team()).isEqualTo(team.id());
        List<Message> messages = conversations.messages(created.id());
        assertThat(messages).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER_MESSAGE);
            assertThat(m.body()).isEqualTo("How do I export? Also: my invoice is wrong.");
        });
        assertThat(attachments.forMessages(List.of(messages.get(0).id()))).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("invoice.txt");
            assertThat(a.sha256()).isEqualTo(file.sha256());
            assertThat(a.ticketId()).isEqualTo(created.id());
        });
        assertThat(links.links(created.id(), all())).singleElement()
                .satisfies(l -> assertThat(l.type()).isEqualTo(LinkType.RELATED))
                .satisfies(l -> assertThat(l.number()).isEqualTo(origin.number()));
        for (Ticket t : List.of(origin, created)) {
            assertThat(eventLog.history(t.id())).extracting(e -> e.type()).contains("split");
        }
        assertThat(browser.get("/tickets/" + origin.number()).html().select("#timeline").text())
                .contains("split a message of #" + origin.number() + " into new ticket #" + number);
        assertThat(conversations.messages(origin.id())).as("the message stays on its ticket").hasSize(2);

        assertRefused(() -> splits.split(origin.id(), replyId, null, Actor.agent(agent.id())), "Only a customer's message");
        assertThat(browser.get("/tickets/" + origin.number() + "/messages/" + replyId + "/split").status()).isEqualTo(404);
    }

    @Test
    void followersAreAddedByAddressCreatingUnknownCustomersAndRemoved() {
        Ticket ticket = open("Contract renewal", "Please renew.");
        String email = "cc" + System.nanoTime() + "@example.test";
        HttpSession browser = signedIn(agent);
        browser.get("/tickets/" + ticket.number());

        browser.post("/tickets/" + ticket.number() + "/followers", Map.of("followerEmail", email));

        Customer created = customers.findByEmail(email).orElseThrow();
        assertThat(followers.followers(ticket.id())).extracting(f -> f.email()).containsExactly(email);
        Document page = browser.get("/tickets/" + ticket.number()).html();
        assertThat(page.select("#followers").text()).contains(email);
        assertThat(page.select("#timeline").text()).contains("added follower " + email);
        String requester = customers.find(ticket.requester()).orElseThrow().email();
        browser.post("/tickets/" + ticket.number() + "/followers", Map.of("followerEmail", requester));
        assertThat(browser.get("/tickets/" + ticket.number()).html().select("#flash-error").text())
                .contains("is the requester");

        browser.post("/tickets/" + ticket.number() + "/followers/remove", Map.of("customerId", String.valueOf(created.id().value())));
        assertThat(followers.followers(ticket.id())).isEmpty();
        assertThat(eventLog.history(ticket.id())).extracting(e -> e.type()).contains("follower_added", "follower_removed");
    }

    @Test
    void aCustomerWritingToAClosedTicketGetsALinkedFollowUp() {
        Ticket closed = open("Printer jam", "Jammed.");
        tickets.update(closed.id(), null, List.of(new SetStatus(TicketStatus.SOLVED)), Actor.agent(agent.id()));
        tickets.update(closed.id(), null, List.of(new SetStatus(TicketStatus.CLOSED)), Actor.agent(agent.id()));
        Actor customer = Actor.customer(closed.requester().value());

        Ticket followUp = conversations.customerWrote(closed.id(), customer, "It jammed again.", BodyFormat.TEXT, Channel.EMAIL);

        assertThat(followUp.id()).isNotEqualTo(closed.id());
        assertThat(followUp.subject()).isEqualTo("Printer jam");
        assertThat(followUp.requester()).isEqualTo(closed.requester());
        assertThat(followUp.team()).isEqualTo(team.id());
        assertThat(followUp.status()).isEqualTo(TicketStatus.NEW);
        assertThat(conversations.messages(followUp.id())).extracting(Message::body).containsExactly("It jammed again.");
        assertThat(conversations.messages(closed.id())).hasSize(1);
        assertThat(tickets.get(closed.id()).status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(links.links(followUp.id(), all())).singleElement()
                .satisfies(l -> assertThat(l.type()).isEqualTo(LinkType.FOLLOWS_UP))
                .satisfies(l -> assertThat(l.number()).isEqualTo(closed.number()));
        assertThat(links.links(closed.id(), all())).singleElement()
                .satisfies(l -> assertThat(l.type()).isEqualTo(LinkType.FOLLOW_UP));
    }

    @Test
    void aCustomerWritingToASolvedTicketReopensIt() {
        Ticket solved = open("Password reset", "Cannot reset.");
        tickets.update(solved.id(), null, List.of(new SetStatus(TicketStatus.SOLVED)), Actor.agent(agent.id()));

        Ticket landed = conversations.customerWrote(solved.id(), Actor.customer(solved.requester().value()),
                "Still cannot.", BodyFormat.TEXT, Channel.EMAIL);

        assertThat(landed.id()).isEqualTo(solved.id());
        assertThat(landed.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(landed.solvedAt()).isNull();
        assertThat(conversations.messages(solved.id())).hasSize(2);
    }

    @Test
    void anAgentWhoSeesTheOriginOnlyAsItsAssigneeStaysOnItAfterASplit() {
        Agent assignee = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        Ticket origin = open("Two topics", "First topic. Second topic.");
        tickets.update(origin.id(), null, List.of(new TicketChange.Assign(assignee.id())), Actor.agent(agent.id()));
        teams.update(team.id(), team.name(), "", Set.of(agent.id()), Initiator.system());
        long messageId = conversations.messages(origin.id()).get(0).id();
        HttpSession browser = signedIn(assignee);
        browser.get("/tickets/" + origin.number() + "/messages/" + messageId + "/split");

        HttpSession.Page done = browser.post("/tickets/" + origin.number() + "/messages/" + messageId + "/split",
                Map.of("subject", "Second topic"));

        assertThat(done.location()).endsWith("/tickets/" + origin.number());
        assertThat(browser.get(done.location()).html().select("#flash").text())
                .contains("Split into #").contains("which you cannot open");
    }

    private Ticket open(String subject, String body) {
        Customer requester = customers.findOrCreate("r" + System.nanoTime() + "@example.test", "Rae Requester");
        return conversations.open(new NewTicket(subject, requester.id(), Channel.EMAIL, Priority.NORMAL, "question",
                team.id(), null, Set.of(), null), body, BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
    }

    private static void assertRefused(Runnable action, String message) {
        assertThatThrownBy(action::run).isInstanceOf(InvalidTicketChange.class).hasMessageContaining(message);
    }

    private Visibility all() {
        return new Visibility(new TicketScope(true, Set.of(), agent.id()));
    }

    private HttpSession signedIn(Agent who) {
        HttpSession browser = new HttpSession(port);
        browser.signIn(who.email(), Agents.PASSWORD, false);
        return browser;
    }
}
