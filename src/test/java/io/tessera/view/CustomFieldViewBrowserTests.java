package io.tessera.view;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.List;

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
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;
import io.tessera.ticket.CustomFieldDefinitions;
import io.tessera.ticket.FieldDefinition;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.Priority;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketManagement;
import io.tessera.ticket.TicketRef;
import io.tessera.ticket.TicketStatus;

/** An agent builds a view on a custom field in the condition builder and sees exactly its tickets. */
@IntegrationTest
class CustomFieldViewBrowserTests {

    @LocalServerPort int port;
    @Autowired AgentManagement agents;
    @Autowired TeamManagement teams;
    @Autowired Customers customers;
    @Autowired TicketManagement tickets;
    @Autowired CustomFieldDefinitions definitions;
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
    void aViewOnTheProductField() {
        String key = "product_b" + Long.toString(System.nanoTime(), 36);
        definitions.create(new FieldDefinition(key, "Product", null, FieldType.DROPDOWN,
                List.of("Tessera Cloud", "Tessera Server"), false, 60), Initiator.system());
        ViewFixtures data = new ViewFixtures(agents, teams, customers, tickets);
        Team team = data.team();
        Agent agent = data.agent(Role.AGENT, team);
        Instant now = clock.instant();
        TicketRef cloud = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.NORMAL, now, now, null);
        TicketRef server = data.ticket(team.id(), null, TicketStatus.OPEN, Priority.HIGH, now, now, null);
        data.ticket(team.id(), null, TicketStatus.OPEN, Priority.LOW, now, now, null);
        tickets.update(cloud.id(), null, List.of(new TicketChange.SetField(key, "Tessera Cloud")), Actor.system());
        tickets.update(server.id(), null, List.of(new TicketChange.SetField(key, "Tessera Server")), Actor.system());

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.navigate(browser.url("/views/new"));
        page.fill("#name", "Cloud customers");
        page.selectOption("select[name='all[0].field']", "field:" + key);
        page.selectOption("select[name='all[0].operator']", "is");
        assertThat(page.locator("input[name='all[0].value']")).hasAttribute("list", "values-field:" + key);
        page.fill("input[name='all[0].value']", "Tessera Cloud");
        Browser.screenshot(page, "custom-field-view-01-builder");
        page.click("#save-view");

        assertThat(page.locator("#view-title")).hasText("Cloud customers");
        assertThat(page.locator("#tickets tbody tr[data-number]")).hasCount(1);
        assertThat(page.locator("#tickets tbody tr[data-number='" + cloud.number() + "']")).hasCount(1);
        Browser.screenshot(page, "custom-field-view-02-list");
    }
}
