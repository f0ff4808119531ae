package io.tessera.channel.mailbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;

/**
 * An admin sets up an IMAP mailbox in headless Chromium: a wrong password caught by "Test connection" (htmx,
 * the typed form stays), the right one saved, a customer's mail fetched with "Poll now" and opened as a ticket.
 */
@IntegrationTest
class MailboxAdminBrowserTests {

    @RegisterExtension
    static GreenMailExtension greenMail = TestMailServers.greenMail();

    @LocalServerPort
    int port;

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
    void anAdminConnectsAnImapMailboxAndItsMailBecomesATicket() {
        GreenMailUser account = TestMailServers.account(greenMail);
        String name = "Support inbox " + UUID.randomUUID().toString().substring(0, 6);
        Page page = browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        page.navigate(browser.url("/admin/email/mailboxes"));
        page.click("#new-mailbox");

        page.fill("#name", name);
        page.selectOption("#protocol", "IMAP");
        page.fill("#host", "127.0.0.1");
        page.fill("#port", Integer.toString(greenMail.getImap().getPort()));
        page.selectOption("#security", "NONE");
        page.fill("#username", account.getLogin());
        page.fill("#password", "not-the-password");
        page.fill("#supportAddress", account.getEmail());
        page.click("#test-settings");
        assertThat(page.locator("#check-result")).containsText("Authentication failed");
        assertThat(page.locator("#name")).hasValue(name);
        Browser.screenshot(page, "mailboxes/01-test-connection-refused");

        page.fill("#password", TestMailServers.PASSWORD);
        page.click("#test-settings");
        assertThat(page.locator("#check-result")).containsText("Connected");
        page.click("#save-mailbox");
        Locator row = page.locator("#mailboxes tr[data-name='" + name + "']");
        assertThat(row).isVisible();

        TestMailServers.deliver(account, "Our VPN drops every hour");
        row.locator(".poll-now").click();
        assertThat(page.locator("#flash")).containsText(name);
        // The scheduler may have started the new mailbox's first poll already; then Poll now says so and the
        // row shows "Polling now" until it is done, as an admin would see by reloading.
        Locator ok = page.locator("#mailboxes tr[data-name='" + name + "'][data-status='OK']");
        reloadUntilShown(page, browser.url("/admin/email/mailboxes"), ok);
        Browser.screenshot(page, "mailboxes/02-mailbox-polled");

        // The stored mail becomes a ticket on a worker thread just after the poll: reload the workspace until it shows.
        Locator ticket = page.locator("a:has-text('Our VPN drops every hour')");
        reloadUntilShown(page, browser.url("/"), ticket);
        ticket.first().click();
        assertThat(page.locator("#ticket-subject")).hasText("Our VPN drops every hour");
        Browser.screenshot(page, "mailboxes/03-ticket-from-the-mailbox");
    }

    private static void reloadUntilShown(Page page, String url, Locator wanted) {
        for (int attempt = 0; attempt < 30 && wanted.count() == 0; attempt++) {
            page.navigate(url);
            if (wanted.count() == 0) {
                page.waitForTimeout(500);
            }
        }
        assertThat(wanted.first()).isVisible();
    }
}
