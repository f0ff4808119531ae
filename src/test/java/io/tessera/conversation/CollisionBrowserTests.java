package io.tessera.conversation;

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
import io.tessera.identity.NewAgent;
import io.tessera.identity.Role;
import io.tessera.identity.Team;
import io.tessera.identity.TeamManagement;
import io.tessera.shared.Actor;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;
import io.tessera.testing.Agents;
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/**
 * Two agents in two browsers on one ticket: each sees the other arrive and type, the first sees a "new
 * reply" banner when the second answers, and submitting from the stale page shows the collision warning
 * instead of overwriting. Also the keyboard-shortcut help.
 */
@IntegrationTest
class CollisionBrowserTests {

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

    Browser first;
    Browser second;

    @BeforeEach
    void openBrowsers() {
        first = new Browser(port);
        second = new Browser(port);
    }

    @AfterEach
    void closeBrowsers() {
        first.close();
        second.close();
    }

    @Test
    void twoAgentsSeeEachOtherAndTheStaleSubmitIsCaught() {
        Team team = teams.create("Collisions " + System.nanoTime(), "", Set.of(), Initiator.system());
        Agent grace = agent("Grace Hopper", team.id());
        Agent alan = agent("Alan Turing", team.id());
        var requester = customers.findOrCreate("col" + System.nanoTime() + "@example.test", "Cora Customer");
        Ticket ticket = conversations.open(new NewTicket("Refund for a double charge", requester.id(), Channel.EMAIL,
                Priority.HIGH, null, team.id(), null, Set.of(), null), "I was charged twice for March.",
                BodyFormat.TEXT, Actor.customer(requester.id().value()), null);
        String path = "/tickets/" + ticket.number();

        Page a = signIn(first, grace, path);
        assertThat(a.locator("#live-presence")).isEmpty();

        Page b = signIn(second, alan, path);
        assertThat(a.locator("#live-presence .viewer")).hasText("Alan Turing");
        assertThat(b.locator("#live-presence .viewer")).hasText("Grace Hopper");
        Browser.screenshot(a, "collision-01-colleague-viewing");

        b.locator("#body").pressSequentially("Refunded the second charge, ", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        assertThat(a.locator("#live-presence .viewer-typing")).hasText("Alan Turing is typing…");
        Browser.screenshot(a, "collision-02-colleague-typing");

        b.locator("#body").pressSequentially("it shows in 3-5 days.");
        b.click("#submit-ticket");
        assertThat(b.locator("#flash")).hasText("Reply sent.");

        assertThat(a.locator("#live-banner")).isVisible();
        assertThat(a.locator("#live-banner-text")).hasText("New reply from Alan Turing");
        assertThat(a.locator("#live-presence .viewer-typing")).hasCount(0);
        Browser.screenshot(a, "collision-03-new-reply-banner");

        // Grace answers from the page she opened before Alan's reply, without reloading.
        a.fill("#body", "I'll refund the double charge today.");
        a.selectOption("#status", "SOLVED");
        a.click("#submit-ticket");
        assertThat(a.locator("#conflict")).containsText("This ticket changed while you had it open");
        assertThat(a.locator("#conflict")).containsText("Alan Turing replied");
        assertThat(a.locator("#body")).hasValue("I'll refund the double charge today.");
        assertThat(a.locator("#timeline")).containsText("it shows in 3-5 days.");
        Browser.screenshot(a, "collision-04-collision-warning");
    }

    @Test
    void questionMarkShowsTheShortcutsAndKeysMoveAround() {
        Agent grace = agent("Grace Shortcut", null);
        Page page = signIn(first, grace, "/");

        page.keyboard().press("?");
        assertThat(page.locator("#shortcuts-help")).isVisible();
        assertThat(page.locator("#shortcuts-help")).containsText("Keyboard shortcuts");
        assertThat(page.locator("#shortcuts-help")).containsText("Write an internal note");
        // Bootstrap moves the focus into the dialog once it has faded in; before that it ignores a close.
        assertThat(page.locator("#shortcuts-help")).isFocused();
        Browser.screenshot(page, "shortcuts-01-help");
        page.keyboard().press("Escape");
        assertThat(page.locator("#shortcuts-help")).isHidden();

        page.keyboard().press("c");
        page.waitForURL("**/tickets/new");
        page.fill("#subject", "typing c here does nothing");
        assertThat(page).hasURL(first.url("/tickets/new"));
        page.keyboard().press("Escape");
        page.keyboard().press("g");
        page.keyboard().press("c");
        page.waitForURL("**/customers");
        page.keyboard().press("/");
        assertThat(page.locator("#q")).isFocused();
    }

    private Agent agent(String name, TeamId team) {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 6) + "@example.test";
        return agents.create(new NewAgent(email, name, Role.AGENT, team == null ? Set.of() : Set.of(team), Agents.PASSWORD),
                Initiator.system()).agent();
    }

    private static Page signIn(Browser browser, Agent agent, String then) {
        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.navigate(browser.url(then));
        return page;
    }
}
