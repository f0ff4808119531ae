package io.tessera.automation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
 * An admin builds a trigger in the rule builder — no JSON: menus and boxes — sees a refusal keep what was
 * typed, tests the trigger against a ticket, and then sees it act on a new ticket, named in its history.
 */
@IntegrationTest
class RulesBuilderBrowserTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired Conversations conversations;
    @Autowired Triggers triggers;
    @Autowired Automations automations;
    @Autowired io.tessera.testing.MutableClock clock;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        triggers.list().stream().filter(t -> t.name().startsWith("Urgent outages")).forEach(t -> triggers.delete(t.id(),
                Initiator.system()));
        automations.list().stream().filter(a -> a.name().startsWith("Stale outages")).forEach(a -> automations.delete(a.id(),
                Initiator.system()));
        browser.close();
    }

    @Test
    void anAdminBuildsATriggerTestsItAndSeesItAct() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Outages " + id, null, Set.of(), Initiator.system());
        Agent admin = Agents.create(agents, Role.ADMIN, Set.of(team.id()));
        CustomerId customer = customers.create("Olga Berg", "olga-" + id + "@example.test", null, null);
        Ticket before = open(team, customer, Priority.HIGH);

        Page page = browser.signIn(admin.email(), Agents.PASSWORD);
        page.navigate(browser.url("/admin/rules"));
        page.click("#new-trigger");
        page.fill("#name", "Urgent outages " + id);
        page.check("#event-created");
        page.selectOption("select[name='all[0].field']", "team");
        page.selectOption("select[name='all[0].operator']", "is");
        page.fill("input[name='all[0].value']", String.valueOf(team.id().value()));
        page.selectOption("select[name='all[1].field']", "priority");
        page.selectOption("select[name='all[1].operator']", "is");
        page.fill("input[name='all[1].value']", "high");
        page.selectOption("select[name='actions[0].type']", "set_priority");
        assertThat(page.locator("textarea[name='actions[0].body']")).isHidden();
        page.fill("input[name='actions[0].target']", "critical");
        page.selectOption("select[name='actions[1].type']", "add_note");
        assertThat(page.locator("input[name='actions[1].target']")).isHidden();
        page.fill("textarea[name='actions[1].body']", "Raised to urgent: outages come first.");
        page.click("#save-rule");

        // "critical" is not a priority: refused, naming the row, and everything typed is still there.
        assertThat(page.locator("#rule-error")).containsText("actions[0]");
        assertThat(page.locator("#name")).hasValue("Urgent outages " + id);
        assertThat(page.locator("textarea[name='actions[1].body']")).hasValue("Raised to urgent: outages come first.");
        page.fill("input[name='actions[0].target']", "urgent");
        Browser.screenshot(page, "rules-01-builder");
        page.click("#save-rule");
        assertThat(page.locator("#flash")).containsText("created");
        assertThat(page.locator("#triggers")).containsText("Urgent outages " + id);
        Browser.screenshot(page, "rules-02-list");

        page.locator("#triggers a", new Page.LocatorOptions().setHasText("Urgent outages " + id)).click();
        page.fill("#test-ticket", String.valueOf(before.number()));
        page.click("#run-test");
        assertThat(page.locator("#test-result")).containsText("Matches");
        assertThat(page.locator("#test-result")).containsText("Set priority: urgent");

        Ticket ticket = open(team, customer, Priority.HIGH);
        page.navigate(browser.url("/tickets/" + ticket.number()));
        assertThat(page.locator("#priority")).hasValue("URGENT");
        assertThat(page.locator("#timeline")).containsText("Urgent outages " + id);
        assertThat(page.locator("#timeline")).containsText("Raised to urgent: outages come first.");
        Browser.screenshot(page, "rules-03-acted");
    }

    @Test
    void anAdminBuildsAnAutomationAndSeesItActOnceTheTicketHasWaited() {
        String id = UUID.randomUUID().toString().substring(0, 8);
        Team team = teams.create("Outages " + id, null, Set.of(), Initiator.system());
        Agent admin = Agents.create(agents, Role.ADMIN, Set.of(team.id()));
        CustomerId customer = customers.create("Olga Berg", "olga-" + id + "@example.test", null, null);
        Ticket ticket = open(team, customer, Priority.NORMAL);

        Page page = browser.signIn(admin.email(), Agents.PASSWORD);
        page.navigate(browser.url("/admin/rules"));
        page.click("#new-automation");
        assertThat(page.locator("#event-created")).hasCount(0);
        page.fill("#name", "Stale outages " + id);
        page.selectOption("select[name='all[0].field']", "team");
        page.fill("input[name='all[0].value']", String.valueOf(team.id().value()));
        page.selectOption("select[name='all[1].field']", "status");
        page.fill("input[name='all[1].value']", "new");
        page.selectOption("select[name='all[2].field']", "created");
        page.selectOption("select[name='all[2].operator']", "greater_than");
        page.fill("input[name='all[2].value']", "2h");
        page.selectOption("select[name='actions[0].type']", "add_tags");
        page.fill("input[name='actions[0].target']", "stale");
        page.click("#save-rule");
        assertThat(page.locator("#flash")).containsText("created");
        assertThat(page.locator("#automations")).containsText("Stale outages " + id);

        clock.advance(java.time.Duration.ofHours(3));
        automations.runNow();

        page.navigate(browser.url("/tickets/" + ticket.number()));
        assertThat(page.locator("#tags")).hasValue(java.util.regex.Pattern.compile(".*stale.*"));
        assertThat(page.locator("#timeline")).containsText("Stale outages " + id);
        page.navigate(browser.url("/admin/rules"));
        assertThat(page.locator("#automations")).containsText("acted on 1 ticket");
        Browser.screenshot(page, "rules-04-automation-ran");
    }

    private Ticket open(Team team, CustomerId customer, Priority priority) {
        return conversations.open(new NewTicket("Site down", customer, Channel.WEB, priority, null, team.id(), null,
                Set.of(), null), "Nothing loads", BodyFormat.TEXT, Actor.customer(customer.value()), null);
    }
}
