package io.tessera.automation.macro;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;

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

/**
 * An agent builds a macro on /macros with the form (a refused save keeps what was typed), picks it on a
 * ticket, reads the preview, applies it and sees the new status, tags and reply; then applies it to two
 * tickets ticked in a view.
 */
@IntegrationTest
class MacrosBrowserTests {

    private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

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
    void anAgentBuildsAMacroPreviewsItOnATicketAndAppliesIt() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Receipts " + id, null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        CustomerId maria = customers.create("Maria Lopez", "maria-" + id + "@example.test", null, null);
        TicketRef ticket = ticket("Refund for order 77", maria, team, agent);

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.click("#nav-macros");
        page.click("#new-macro");
        page.fill("#name", "Waiting for the receipt");
        page.fill("#description", "Ask for the receipt and wait");
        page.selectOption("#action-0-type", "set_status");
        page.selectOption("#action-0-status", "pending");
        page.click("#add-macro-action");
        page.selectOption("#action-1-type", "add_tags");
        page.fill("#action-1-tags", "waiting receipt");
        page.click("#add-macro-action");
        page.selectOption("#action-2-type", "add_reply");
        page.fill("#action-2-text", "Hi {{requester.nickname}}");
        page.click("#save-macro");

        // Refused, naming the row, and everything typed is still there.
        assertThat(page.locator("#action-2-type")).hasClass(Pattern.compile("is-invalid"));
        assertThat(page.locator("#macro-form")).containsText("Unknown placeholder {{requester.nickname}}");
        assertThat(page.locator("#name")).hasValue("Waiting for the receipt");
        assertThat(page.locator("#action-0-status")).hasValue("pending");
        assertThat(page.locator("#action-1-tags")).hasValue("waiting receipt");
        assertThat(page.locator("#action-1-tags")).isVisible();
        assertThat(page.locator("#action-0-tags")).isHidden();
        Browser.screenshot(page, "macro-01-refused");
        page.fill("#action-2-text", "Hi {{requester.first_name}},\n\ncould you send us the receipt for #{{ticket.number}}?\n\n{{agent.first_name}}");
        page.click("#save-macro");

        assertThat(page.locator("#flash")).containsText("created");
        assertThat(page.locator("#macros")).containsText("Waiting for the receipt");
        assertThat(page.locator("#macros")).containsText("Set status: Pending");
        assertThat(page.locator("#macros")).containsText("Add tags: receipt, waiting");
        Browser.screenshot(page, "macro-02-list");

        page.navigate(browser.url("/tickets/" + ticket.number()));
        assertThat(page.locator("#macro-items")).containsText("Waiting for the receipt", SLOW);
        page.click("#macro-toggle");
        page.locator("#macro-items .macro-item", new Page.LocatorOptions().setHasText("Waiting for the receipt")).click();
        assertThat(page.locator("#macro-would-do")).containsText("Status: Open \u2192 Pending", SLOW);
        assertThat(page.locator("#macro-would-do")).containsText("Add tags: receipt, waiting");
        String reply = "could you send us the receipt for #" + ticket.number() + "?";
        assertThat(page.locator("#macro-reply")).containsText("Hi Maria,");
        assertThat(page.locator("#macro-reply")).containsText(reply);
        assertThat(page.locator("#macro-apply")).isVisible();
        assertThat(page.locator("#macro-dialog-title")).hasText("Apply \u201cWaiting for the receipt\u201d to #" + ticket.number() + "?");
        // The dialog fades in; the picture is taken once it is fully there.
        page.waitForFunction("() => getComputedStyle(document.getElementById('macro-dialog')).opacity === '1'"
                + " && getComputedStyle(document.querySelector('.modal-backdrop')).opacity === '0.5'");
        Browser.screenshot(page, "macro-03-preview");

        page.click("#macro-cancel");
        assertThat(page.locator("#macro-dialog")).isHidden();
        assertThat(page.locator("#ticket-status")).hasText("Open");

        page.click("#macro-toggle");
        page.locator("#macro-items .macro-item", new Page.LocatorOptions().setHasText("Waiting for the receipt")).click();
        assertThat(page.locator("#macro-would-do")).containsText("Status", SLOW);
        page.click("#macro-apply");

        assertThat(page.locator("#flash")).containsText("Macro \u201cWaiting for the receipt\u201d applied.");
        assertThat(page.locator("#ticket-status")).hasText("Pending");
        assertThat(page.locator("#tags")).hasValue(Pattern.compile("receipt.*waiting|waiting.*receipt"));
        assertThat(page.locator("#timeline article[data-kind=PUBLIC_REPLY]")).containsText(reply);
        assertThat(page.locator("#timeline article[data-kind=PUBLIC_REPLY]")).containsText("Hi Maria,");
        Browser.screenshot(page, "macro-04-applied");
    }

    @Test
    void anAgentAppliesAMacroToTheTicketsTickedInAView() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Bulk " + id, null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        CustomerId maria = customers.create("Maria Lopez", "maria-" + id + "@example.test", null, null);
        TicketRef first = ticket("First " + id, maria, team, agent);
        TicketRef second = ticket("Second " + id, maria, team, agent);
        TicketRef untouched = ticket("Third " + id, maria, team, agent);

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.navigate(browser.url("/macros/new"));
        page.fill("#name", "Escalate");
        page.selectOption("#action-0-type", "set_priority");
        page.selectOption("#action-0-priority", "urgent");
        page.click("#add-macro-action");
        page.selectOption("#action-1-type", "add_tags");
        page.fill("#action-1-tags", "escalated");
        page.click("#save-macro");
        assertThat(page.locator("#flash")).containsText("created");

        page.navigate(browser.url("/"));
        assertThat(page.locator("#bulk-macro")).containsText("Escalate", SLOW);
        page.check("tr[data-number='" + first.number() + "'] input.bulk-select");
        page.check("tr[data-number='" + second.number() + "'] input.bulk-select");
        page.selectOption("#bulk-macro", new com.microsoft.playwright.options.SelectOption().setLabel("Escalate"));
        Browser.screenshot(page, "macro-05-bulk-selected");
        page.click("#bulk-apply-macro");

        assertThat(page.locator("#bulk-result")).hasText("Applied \u201cEscalate\u201d to 2 tickets.");
        assertThat(page.locator("tr[data-number='" + first.number() + "']")).containsText("Urgent");
        assertThat(page.locator("tr[data-number='" + second.number() + "']")).containsText("Urgent");
        assertThat(page.locator("tr[data-number='" + untouched.number() + "']")).not().containsText("Urgent");
        Browser.screenshot(page, "macro-06-bulk-done");
    }

    private TicketRef ticket(String subject, CustomerId requester, Team team, Agent agent) {
        return tickets.importTicket(new TicketImport(subject, requester, null, team.id(), agent.id(), TicketStatus.OPEN,
                Priority.NORMAL, "question", Channel.EMAIL, clock.instant(), clock.instant(), null, null, null),
                Actor.system());
    }
}
