package io.tessera.sla;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;

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
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/**
 * An admin sets up business hours and a policy in the SLA screens (a calendar form and a grid of targets),
 * and a new ticket of that team then shows its clocks on the ticket page.
 */
@IntegrationTest
class SlaAdminBrowserTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired Conversations conversations;
    @Autowired SlaPolicies policies;

    Browser browser;
    String id = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        policies.list().stream().filter(p -> p.name().endsWith(id)).forEach(p -> policies.delete(p.id(), Initiator.system()));
        browser.close();
    }

    @Test
    void anAdminSetsUpAPolicyAndTheTicketShowsItsClocks() {
        Team team = teams.create("Support " + id, null, Set.of(), Initiator.system());
        Agent admin = Agents.create(agents, Role.ADMIN, Set.of(team.id()));
        CustomerId customer = customers.create("Ines Roth", "ines-" + id + "@example.test", null, null);

        Page page = browser.signIn(admin.email(), Agents.PASSWORD);
        page.navigate(browser.url("/admin/sla"));
        // Each click that leads to another page is followed by a wait for that page: a fill that runs while the
        // old page is still shown would type into the wrong form, and a form whose required name is empty
        // is never sent (the browser's own validation stops it, showing no error in the page).
        page.click("#new-calendar");
        page.waitForURL(browser.url("/admin/sla/calendars/new"));
        page.fill("#name", "Berlin office " + id);
        page.fill("#zone", "Mars/Olympus");
        page.click("#save-calendar");
        assertThat(page.locator("#sla-error")).containsText("zone");
        assertThat(page.locator("#name")).hasValue("Berlin office " + id);
        page.fill("#zone", "Europe/Berlin");
        page.fill("#day-4", "09:00-12:00, 13:00-17:00");
        page.fill("#holidays", "2026-12-25\n2026-12-26");
        page.click("#save-calendar");
        page.waitForURL(browser.url("/admin/sla"));
        assertThat(page.locator("#calendars")).containsText("Berlin office " + id);

        page.click("#new-policy");
        page.waitForURL(browser.url("/admin/sla/policies/new"));
        page.fill("#name", "Support " + id);
        page.selectOption("select[name='all[0].field']", "team");
        page.fill("input[name='all[0].value']", String.valueOf(team.id().value()));
        // Normal: first response in 2 h of calendar time, resolution in 3 days of business hours.
        page.fill("input[aria-label='Normal First response minutes']", "120");
        page.uncheck("input[aria-label='Normal First response in business hours']");
        page.fill("input[aria-label='Normal Resolution minutes']", "1440");
        page.selectOption("#calendarId", new com.microsoft.playwright.options.SelectOption().setLabel("Berlin office " + id
                + " (Europe/Berlin)"));
        Browser.screenshot(page, "sla-01-policy-form");
        assertThat(page.locator("#name")).hasValue("Support " + id);
        org.assertj.core.api.Assertions.assertThat((List<?>) page.evaluate("() => Array.from(document.querySelectorAll('#policy-form :invalid'))"
                + ".map(e => e.name + '=' + e.value + ': ' + e.validationMessage)"))
                .as("fields the browser would refuse to send").isEmpty();
        List<String> traffic = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        page.onRequest(r -> traffic.add("-> " + r.method() + " " + r.url()));
        page.onResponse(r -> traffic.add("<- " + r.status() + " " + r.url()));
        page.onRequestFailed(r -> traffic.add("xx " + r.url() + " " + r.failure()));
        page.onConsoleMessage(m -> traffic.add("console " + m.type() + ": " + m.text()));
        page.onFrameNavigated(f -> traffic.add("navigated " + f.url()));
        page.click("#save-policy");
        try {
            page.waitForURL(browser.url("/admin/sla"));
        } catch (com.microsoft.playwright.PlaywrightException e) {
            Browser.screenshot(page, "sla-failed-save");
            throw new AssertionError("After Save the page is " + page.url() + "; traffic: " + traffic + "; page: "
                    + page.locator("main, body").first().innerText().replaceAll("\\s+", " "), e);
        }
        assertThat(page.locator("#flash")).containsText("created");
        assertThat(page.locator("#policies")).containsText("Support " + id);
        Browser.screenshot(page, "sla-02-admin");

        Ticket ticket = conversations.open(new NewTicket("Invoice missing", customer, Channel.WEB, Priority.NORMAL, null,
                team.id(), null, Set.of(), null), "Where is it?", BodyFormat.TEXT, Actor.customer(customer.value()), null);
        page.navigate(browser.url("/tickets/" + ticket.number()));
        assertThat(page.locator("#sla-clocks")).containsText("Support " + id);
        assertThat(page.locator("#sla-clocks")).containsText("First response");
        assertThat(page.locator("#sla-clocks")).containsText("2 h left");
        assertThat(page.locator("#sla-clocks")).containsText("Resolution");
        Browser.screenshot(page, "sla-03-ticket");
    }
}
