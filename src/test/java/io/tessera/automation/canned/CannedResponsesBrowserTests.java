package io.tessera.automation.canned;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;

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
import io.tessera.shared.Actor;
import io.tessera.shared.CustomerId;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.Channel;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketImport;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

/** An agent saves a canned response with a shortcode, then types it into a ticket's reply box and sends it. */
@IntegrationTest
class CannedResponsesBrowserTests {

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
    void aShortcodeTypedInTheReplyBoxBecomesTheFilledResponse() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Refunds " + id, null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        CustomerId maria = customers.create("Maria Lopez", "maria-" + id + "@example.test", null, null);
        TicketRef ticket = tickets.importTicket(new TicketImport("Refund for order 77", maria, null, team.id(), agent.id(),
                TicketStatus.OPEN, Priority.NORMAL, "question", Channel.EMAIL, clock.instant(), clock.instant(), null, null,
                null), Actor.system());

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.navigate(browser.url("/canned-responses"));
        page.click("#new-canned-response");
        page.fill("#title", "Refund on its way");
        page.fill("#shortcode", "/re fund");
        page.fill("#body", "Hi {{requester.first_name}}, the refund for #{{ticket.number}} is on its way. {{agent.first_name}}");
        page.click("#save-canned-response");
        // Refused, and what was typed is still there.
        assertThat(page.locator("#shortcode")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#title")).hasValue("Refund on its way");
        page.fill("#shortcode", "/refund");
        page.click("#save-canned-response");
        assertThat(page.locator("#flash")).containsText("created");
        assertThat(page.locator("#canned-responses")).containsText("/refund");
        Browser.screenshot(page, "canned-01-list");

        page.navigate(browser.url("/tickets/" + ticket.number()));
        page.waitForLoadState();
        assertThat(page.locator("#canned-menu")).containsText("Refund on its way", new com.microsoft.playwright.assertions
                .LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
        page.locator("#body").click();
        page.locator("#body").pressSequentially("/refund");
        page.keyboard().press("Tab");
        String expected = "Hi Maria, the refund for #" + ticket.number() + " is on its way. Test";
        assertThat(page.locator("#body")).hasValue(expected);
        assertThat(page.locator("#canned-status")).containsText("Inserted /refund");
        Browser.screenshot(page, "canned-02-expanded");

        page.click("#submit-ticket");
        assertThat(page.locator("#flash")).hasText("Reply sent.");
        assertThat(page.locator("#timeline")).containsText(expected);
    }
}
