package io.tessera.conversation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

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
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * In Chromium: an agent links a ticket, copies a colleague of the customer on it, then merges a duplicate
 * into it through the "Merge into…" dialog and reads the duplicate's message on the target.
 */
@IntegrationTest
class TicketMergeBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    Customers customers;

    @Autowired
    Conversations conversations;

    @Autowired
    TicketManagement tickets;

    @Autowired
    MutableClock clock;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void mergesTwoTicketsThroughTheDialog() {
        Team team = teams.create("Billing " + System.nanoTime(), "", Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        Customer nina = customers.findOrCreate("nina" + System.nanoTime() + "@example.test", "Nina Novak");
        Customer nina2 = customers.findOrCreate("nina.private" + System.nanoTime() + "@example.test", "Nina N.");
        Ticket target = open(team, nina, "Charged twice in March", "My card was charged twice for the March invoice.");
        clock.advance(java.time.Duration.ofMinutes(5));
        Ticket duplicate = open(team, nina2, "Double charge??", "Hello, I see two charges of 49 EUR on my statement.");
        Ticket related = open(team, nina, "Update billing address", "Please change our billing address.");

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);

        page.navigate(browser.url("/tickets/" + target.number()));
        page.selectOption("#link-type", "related");
        page.fill("#link-number", String.valueOf(related.number()));
        page.click("#add-link");
        assertThat(page.locator("#flash")).containsText("Linked #" + related.number());
        assertThat(page.locator("#links")).containsText("Update billing address");
        page.fill("#follower-email", "finance" + System.nanoTime() + "@example.test");
        page.click("#add-follower");
        assertThat(page.locator("#followers")).containsText("finance");

        page.navigate(browser.url("/tickets/" + duplicate.number()));
        page.click("#merge-open");
        assertThat(page.locator("#merge-dialog")).isVisible();
        page.fill("#merge-target", String.valueOf(target.number()));
        page.fill("#merge-note", "Same double charge, reported from her private address.");
        Browser.screenshot(page, "merge-01-dialog");
        page.click("#merge-submit");

        assertThat(page.locator("#flash")).hasText("Merged #" + duplicate.number() + " into #" + target.number() + ".");
        assertThat(page.locator("#ticket-subject")).hasText("Charged twice in March");
        assertThat(page.locator("article .merged-from")).hasText("from #" + duplicate.number());
        assertThat(page.locator("#timeline")).containsText("two charges of 49 EUR");
        assertThat(page.locator("article[data-kind=INTERNAL_NOTE]")).containsText("reported from her private address");
        assertThat(page.locator("#followers")).containsText(nina2.email());
        Browser.screenshot(page, "merge-02-target");

        page.click("#merged-here a");
        assertThat(page.locator("#merged-banner")).containsText("Merged into #" + target.number());
        assertThat(page.locator("#ticket-status")).hasText("Closed");
        Browser.screenshot(page, "merge-03-merged-ticket");

        Ticket merged = tickets.get(duplicate.id());
        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.mergedInto()).isEqualTo(target.id());
    }

    private Ticket open(Team team, Customer requester, String subject, String body) {
        return conversations.open(new NewTicket(subject, requester.id(), Channel.EMAIL, Priority.NORMAL, "question",
                team.id(), null, Set.of(), null), body, BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
    }
}
