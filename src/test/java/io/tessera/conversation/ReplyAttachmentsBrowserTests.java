package io.tessera.conversation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

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
import io.tessera.ticket.Channel;
import io.tessera.ticket.NewTicket;
import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/** In Chromium: a reply with two files, the image previewed inline; a file over the limit stopped before sending. */
@IntegrationTest
class ReplyAttachmentsBrowserTests {

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
    void repliesWithTwoFilesAndRefusesOneTooLargeKeepingTheText() {
        Team team = teams.create("Uploads " + System.nanoTime(), "", Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.AGENT, Set.of(team.id()));
        var requester = customers.findOrCreate("shots" + System.nanoTime() + "@example.test", "Sam Screens");
        Ticket ticket = conversations.open(new NewTicket("Dashboard shows nothing", requester.id(), Channel.EMAIL,
                Priority.NORMAL, null, team.id(), null, Set.of(), null), "The dashboard is blank since the update.",
                BodyFormat.TEXT, Actor.customer(requester.id().value()), null);

        Page page = browser.signIn(agent.email(), Agents.PASSWORD);
        page.navigate(browser.url("/tickets/" + ticket.number()));

        page.fill("#body", "Here is what I see on my side, and the **browser log**.");
        page.setInputFiles("#files", new FilePayload[] {
                new FilePayload("dashboard.png", "image/png", screenshotOfThePage(page)),
                new FilePayload("console.log", "text/plain", "TypeError: widgets is undefined\n".getBytes(StandardCharsets.UTF_8))});
        page.click("#submit-ticket");

        assertThat(page.locator("#flash")).hasText("Reply sent.");
        var reply = page.locator("article[data-kind=PUBLIC_REPLY]");
        assertThat(reply.locator(".message-attachments img")).hasAttribute("alt", "dashboard.png");
        assertThat(reply.locator(".attachment-file a")).hasText("console.log");
        // The preview really loads (inline, from the download URL): waits until the image has pixels.
        page.waitForFunction("() => { const img = document.querySelector('article[data-kind=PUBLIC_REPLY] "
                + ".message-attachments img'); return img.complete && img.naturalWidth > 0; }");
        Browser.screenshot(page, "reply-attachments-01-two-files");

        page.fill("#body", "Another try with a huge video.");
        page.setInputFiles("#files", new FilePayload("screen-recording.mp4", "video/mp4", new byte[25 * 1024 * 1024 + 1]));
        page.click("#submit-ticket");

        assertThat(page.locator("#files-error")).containsText("screen-recording.mp4: files can be at most 25 MB");
        assertThat(page.locator("#body")).hasValue("Another try with a huge video.");
        assertThat(page.locator("article[data-kind=PUBLIC_REPLY]")).hasCount(1);
        Browser.screenshot(page, "reply-attachments-02-too-large");
    }

    /** A real PNG to attach: the ticket page itself, as a screenshot. */
    private static byte[] screenshotOfThePage(Page page) {
        return page.screenshot(new Page.ScreenshotOptions().setClip(0, 0, 480, 300));
    }
}
