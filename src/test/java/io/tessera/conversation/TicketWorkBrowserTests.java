package io.tessera.conversation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

import io.tessera.customer.Customers;
import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.notification.Notifications;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketStatus;

/**
 * An agent's day in Chromium: log a phone call from a new customer as a ticket, reply asking for details
 * and set it pending, add an internal note mentioning a colleague (who is notified), raise the priority
 * and tag it.
 */
@IntegrationTest
class TicketWorkBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    Notifications notifications;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    Customers customers;

    @Autowired
    TicketManagement tickets;

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
    void logsAPhoneTicketRepliesAddsANoteAndChangesProperties() {
        Team team = teams.create("Phones " + System.nanoTime(), "", Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        Agent colleague = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        String email = "caller" + System.nanoTime() + "@example.test";

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.click("#new-ticket");
        page.fill("#requesterEmail", email);
        page.fill("#requesterName", "Carla Caller");
        page.fill("#subject", "Cannot print invoices");
        page.fill("#body", "Carla called: the Print button on invoices does nothing since Monday.");
        page.fill("#callMinutes", "7");
        Browser.screenshot(page, "ticket-01-new-phone-ticket");
        page.click("#create-ticket");

        assertThat(page.locator("#flash")).containsText("created");
        assertThat(page.locator("#ticket-subject")).hasText("Cannot print invoices");
        assertThat(page.locator("#timeline")).containsText("Call, 7 min");
        long number = Long.parseLong(page.url().replaceAll(".*/tickets/", ""));
        assertThat(customers.findByEmail(email)).hasValueSatisfying(c -> assertThat(c.name()).isEqualTo("Carla Caller"));

        page.fill("#body", "Hi Carla, which browser do you use? A screenshot would help.");
        page.selectOption("#status", "PENDING");
        page.click("#submit-ticket");
        assertThat(page.locator("#flash")).hasText("Reply sent.");
        assertThat(page.locator("#ticket-status")).hasText("Pending");

        page.click("label[for=mode-note]");
        String handle = colleague.email().substring(0, colleague.email().indexOf('@'));
        // "@" offers the colleagues who may see the ticket; Enter inserts the one typed so far.
        page.locator("#body").pressSequentially("@" + handle.substring(0, 9));
        assertThat(page.locator("#mention-menu")).isVisible();
        assertThat(page.locator("#mention-menu .dropdown-item.active")).containsText(colleague.name());
        Browser.screenshot(page, "ticket-02-mention-menu");
        page.keyboard().press("Enter");
        page.locator("#body").pressSequentially("probably the pop-up blocker again, see last month's tickets.");
        assertThat(page.locator("#body")).hasValue("@" + handle + " probably the pop-up blocker again, see last month's tickets.");
        page.selectOption("#priority", "HIGH");
        page.fill("#tags", "printing invoices");
        page.click("#submit-ticket");
        assertThat(page.locator("#flash")).hasText("Note added.");
        assertThat(page.locator("article[data-kind=INTERNAL_NOTE]")).containsText("pop-up blocker");
        assertThat(page.locator("#timeline")).containsText("changed priority from Normal to High");
        assertThat(page.locator("article[data-kind=INTERNAL_NOTE] .mention")).hasText("@" + handle);
        Browser.screenshot(page, "ticket-03-worked-ticket");

        // The mention reaches the colleague (after commit, off the request thread): the bell and the list.
        await().atMost(Duration.ofSeconds(10)).until(() -> notifications.unreadCount(colleague.id()) == 1);
        try (Browser theirs = new Browser(port)) {
            Page colleaguePage = theirs.signIn(colleague.email(), Agents.PASSWORD);
            assertThat(colleaguePage.locator("#unread-count")).hasText("1");
            colleaguePage.navigate(theirs.url("/notifications"));
            assertThat(colleaguePage.locator("main")).containsText("#" + number);
        }

        Ticket ticket = tickets.findByNumber(number).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(ticket.priority()).isEqualTo(Priority.HIGH);
        assertThat(ticket.tags()).containsExactlyInAnyOrder("printing", "invoices");
        assertThat(ticket.assignee()).isEqualTo(agent.id());
    }
}
