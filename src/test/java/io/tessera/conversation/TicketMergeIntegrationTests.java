package io.tessera.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.LoggedEvent;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange.SetStatus;
import io.tessera.ticket.TicketEventLog;
import io.tessera.ticket.TicketFollowers;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketNotFound;
import io.tessera.ticket.TicketStatus;

/** Merging tickets: what happens to both, what each page shows, and every refusal. */
@IntegrationTest
class TicketMergeIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketMerging merging;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketFollowers followers;

    @Autowired
    TicketEventLog eventLog;

    @Autowired
    Customers customers;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    MutableClock clock;

    Team team;
    Agent agent;

    @BeforeEach
    void agentInATeam() {
        team = teams.create("Merges " + System.nanoTime(), "", Set.of(), Initiator.system());
        agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
    }

    @Test
    void aMergedTicketIsClosedPointsAtTheTargetAndItsMessagesShowThereInTimeOrder() {
        Ticket target = open("Invoice is wrong", "The March invoice lists 12 seats.", "first");
        clock.advance(Duration.ofMinutes(1));
        Ticket source = open("Invoice again", "Did you see my mail about the invoice?", "second");
        clock.advance(Duration.ofMinutes(1));
        conversations.agentWrote(target.id(), null, Actor.agent(agent.id()), "Looking into it.", false, List.of());
        clock.advance(Duration.ofMinutes(1));

        List<MergeResult> results = merging.merge(List.of(source.id()), target.id(), Actor.agent(agent.id()), "Same invoice.");

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.merged()).isTrue();
            assertThat(r.number()).isEqualTo(source.number());
        });
        Ticket merged = tickets.get(source.id());
        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.mergedInto()).isEqualTo(target.id());
        assertThat(merged.closedAt()).isNotNull();
        for (Ticket t : List.of(source, target)) {
            LoggedEvent event = eventLog.history(t.id()).stream().filter(e -> e.type().equals("merged")).findFirst().orElseThrow();
            assertThat(event.actor()).isEqualTo(Actor.agent(agent.id()));
            assertThat(number(event, "sourceNumber")).isEqualTo(source.number());
            assertThat(number(event, "targetNumber")).isEqualTo(target.number());
            assertThat(number(event, "sourceId")).isEqualTo(source.id().value());
            assertThat(number(event, "targetId")).isEqualTo(target.id().value());
        }
        // Both messages in time order, the merged one marked; then the note that says what was merged.
        assertThat(conversations.messages(target.id())).extracting(Message::body).containsExactly(
                "The March invoice lists 12 seats.", "Did you see my mail about the invoice?", "Looking into it.",
                "Merged #" + source.number() + " into this ticket.\n\nSame invoice.");
        assertThat(conversations.messages(target.id())).extracting(Message::mergedFrom)
                .containsExactly(null, source.number(), null, null);
        assertThat(conversations.messages(target.id()).get(3).internal()).isTrue();
        assertThat(followers.followers(target.id())).extracting(f -> f.email()).containsExactly(requesterEmail(source));

        HttpSession browser = signedIn(agent);
        Document sourcePage = browser.get("/tickets/" + source.number()).html();
        assertThat(sourcePage.select("#merged-banner").text()).contains("Merged into #" + target.number());
        assertThat(sourcePage.select("#merged-into-link").attr("href")).isEqualTo("/tickets/" + target.number());
        assertThat(sourcePage.select("#merge-open")).as("a closed ticket cannot be merged again").isEmpty();
        Document targetPage = browser.get("/tickets/" + target.number()).html();
        assertThat(targetPage.select("article .merged-from").text()).isEqualTo("from #" + source.number());
        assertThat(targetPage.select("#merged-here").text()).contains("#" + source.number());
        assertThat(targetPage.select("#timeline").text()).contains("merged #" + source.number() + " into #" + target.number());
        assertThat(targetPage.select("#followers").text()).contains(requesterEmail(source));
    }

    @Test
    void aBulkMergeSaysPerSourceWhatHappened() {
        Ticket target = open("Outage", "Nothing loads.", "t");
        Ticket first = open("Down?", "Is it down?", "a");
        Ticket closed = open("Old", "Old question.", "b");
        close(closed);
        Ticket hidden = open("Elsewhere", "Another team's ticket.", "c");
        tickets.update(hidden.id(), null, List.of(new io.tessera.ticket.TicketChange.SetTeam(null)), Actor.system());

        List<MergeResult> results = merging.merge(List.of(first.id(), closed.id(), target.id(), hidden.id(), first.id()),
                target.id(), Actor.agent(agent.id()));

        assertThat(results).extracting(MergeResult::number)
                .containsExactly(first.number(), closed.number(), target.number(), hidden.number());
        assertThat(results).extracting(MergeResult::outcome).containsExactly("merged", "refused", "refused", "refused");
        assertThat(results).extracting(MergeResult::reason).containsExactly(null,
                "#" + closed.number() + " is closed; closed tickets cannot be merged.",
                "A ticket cannot be merged into itself.",
                "No ticket #" + hidden.number() + ".");
        assertThat(tickets.get(hidden.id()).status()).isEqualTo(TicketStatus.NEW);
        assertThat(conversations.messages(target.id())).as("no note unless asked for").hasSize(2);
    }

    @Test
    void nothingMergesIntoAClosedOrMergedTicketOrOneTheAgentCannotSee() {
        Ticket closed = open("Closed", "Done.", "a");
        close(closed);
        Ticket target = open("Target", "Target.", "b");
        Ticket mergedAway = open("Merged away", "Dup.", "c");
        merging.merge(List.of(mergedAway.id()), target.id(), Actor.agent(agent.id()));
        Ticket source = open("Source", "Source.", "d");

        assertThat(merging.merge(List.of(source.id()), closed.id(), Actor.agent(agent.id())))
                .singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("#" + closed.number()
                        + " is closed; choose an open ticket to merge into."));
        assertThat(merging.merge(List.of(source.id()), mergedAway.id(), Actor.agent(agent.id())))
                .singleElement().satisfies(r -> assertThat(r.reason()).contains("was merged into another ticket; merge into that one"));
        Agent outsider = Agents.create(agents, Role.AGENT);
        assertThatThrownBy(() -> merging.merge(List.of(source.id()), target.id(), Actor.agent(outsider.id())))
                .isInstanceOf(TicketNotFound.class);
        assertThat(tickets.get(source.id()).status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.get(source.id()).mergedInto()).isNull();
    }

    @Test
    void aCustomerWritingToAMergedTicketWritesToItsTarget() {
        Ticket target = open("Target", "Original.", "a");
        Ticket source = open("Duplicate", "Duplicate.", "b");
        merging.merge(List.of(source.id()), target.id(), Actor.agent(agent.id()));

        Ticket landed = conversations.customerWrote(source.id(), Actor.customer(source.requester().value()),
                "Any news?", BodyFormat.TEXT, Channel.EMAIL);

        assertThat(landed.id()).isEqualTo(target.id());
        assertThat(conversations.messages(target.id())).last().satisfies(m -> assertThat(m.body()).isEqualTo("Any news?"));
        assertThat(conversations.messages(source.id())).extracting(Message::body).containsExactly("Duplicate.");
    }

    @Test
    void theMergeDialogMergesIntoTheTypedTicketAndRefusalsComeBackAsErrors() {
        Ticket target = open("Target", "Original.", "a");
        Ticket source = open("Duplicate", "Duplicate.", "b");
        HttpSession browser = signedIn(agent);
        browser.get("/tickets/" + source.number());

        HttpSession.Page self = browser.post("/tickets/" + source.number() + "/merge", Map.of("target", "#" + source.number()));
        assertThat(self.location()).endsWith("/tickets/" + source.number());
        assertThat(browser.get("/tickets/" + source.number()).html().select("#flash-error").text())
                .isEqualTo("A ticket cannot be merged into itself.");

        HttpSession.Page done = browser.post("/tickets/" + source.number() + "/merge",
                Map.of("target", String.valueOf(target.number()), "addNote", "true", "note", ""));
        assertThat(done.location()).endsWith("/tickets/" + target.number());
        assertThat(browser.get("/tickets/" + target.number()).html().select("#flash").text())
                .isEqualTo("Merged #" + source.number() + " into #" + target.number() + ".");
        assertThat(conversations.messages(target.id())).last()
                .satisfies(m -> assertThat(m.body()).isEqualTo("Merged #" + source.number() + " into this ticket."));

        Agent outsider = Agents.create(agents, Role.AGENT);
        HttpSession other = signedIn(outsider);
        other.get("/");
        assertThat(other.post("/tickets/" + target.number() + "/merge", Map.of("target", "1")).status()).isEqualTo(404);
    }

    private Ticket open(String subject, String body, String who) {
        Customer requester = customers.findOrCreate(who + System.nanoTime() + "@example.test", "Req " + who);
        return conversations.open(new NewTicket(subject, requester.id(), Channel.EMAIL, Priority.NORMAL, "question",
                team.id(), null, Set.of(), null), body, BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
    }

    private void close(Ticket ticket) {
        tickets.update(ticket.id(), null, List.of(new SetStatus(TicketStatus.SOLVED)), Actor.agent(agent.id()));
        tickets.update(ticket.id(), null, List.of(new SetStatus(TicketStatus.CLOSED)), Actor.agent(agent.id()));
    }

    private static long number(LoggedEvent event, String key) {
        return ((Number) event.payload().get(key)).longValue();
    }

    private String requesterEmail(Ticket ticket) {
        return customers.find(ticket.requester()).orElseThrow().email();
    }

    private HttpSession signedIn(Agent who) {
        HttpSession browser = new HttpSession(port);
        browser.signIn(who.email(), Agents.PASSWORD, false);
        return browser;
    }
}
