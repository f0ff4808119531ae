package io.tessera.view;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
import io.tessera.testing.Agents;
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

/** An agent opens a view, ticks two tickets, raises their priority in bulk, and reads the result and the sidebar. */
@IntegrationTest
class ViewBrowserTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired MutableClock clock;

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
    void bulkChangePriorityFromAView() {
        ViewFixtures data = new ViewFixtures(agents, teams, customers, tickets);
        Team team = data.team();
        Agent agent = data.agent(Role.AGENT, team);
        Instant now = clock.instant();
        Priority[] priorities = {Priority.NORMAL, Priority.LOW, Priority.HIGH, Priority.NORMAL, Priority.URGENT};
        TicketStatus[] statuses = {TicketStatus.OPEN, TicketStatus.NEW, TicketStatus.PENDING, TicketStatus.OPEN, TicketStatus.OPEN};
        TicketRef[] refs = new TicketRef[priorities.length];
        for (int i = 0; i < priorities.length; i++) {
            refs[i] = data.ticket(team.id(), i % 2 == 0 ? agent.id() : null, statuses[i], priorities[i],
                    now.minusSeconds(3600 - i * 60L), now.minusSeconds(600 - i * 60L), null);
        }

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        assertThat(page.locator("#view-title")).hasText("All open");
        assertThat(page.locator("#tickets tbody tr[data-number]")).hasCount(5);
        Browser.screenshot(page, "views-01-workspace");

        page.click("#view-sidebar a[data-view=my-open]");
        assertThat(page.locator("#view-title")).hasText("My open tickets");
        assertThat(page.locator("#tickets tbody tr[data-number]")).hasCount(3);

        page.check("tr[data-number='" + refs[0].number() + "'] input.bulk-select");
        page.check("tr[data-number='" + refs[2].number() + "'] input.bulk-select");
        assertThat(page.locator("#selected-count")).hasText("2");
        page.selectOption("#bulk-priority", "urgent");
        Browser.screenshot(page, "views-02-selected");
        page.click("#bulk-apply");

        assertThat(page.locator("#bulk-result")).hasText("2 updated.");
        assertThat(page.locator("#view-title")).hasText("My open tickets");
        assertThat(page.locator("#view-sidebar a[data-view=urgent-high] .view-count")).hasText("3");
        assertThat(page.locator("tr[data-number='" + refs[0].number() + "']")).containsText("Urgent");
        Browser.screenshot(page, "views-03-bulk-done");
        assertThat(tickets.get(refs[2].id()).priority()).isEqualTo(Priority.URGENT);

        page.click("#select-all");
        assertThat(page.locator("#selected-count")).hasText("3");
    }
}
