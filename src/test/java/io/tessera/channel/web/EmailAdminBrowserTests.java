package io.tessera.channel.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;

import io.tessera.channel.TestMail;
import io.tessera.channel.intake.Arrival;
import io.tessera.channel.intake.InboundMailProcessor;
import io.tessera.channel.intake.MailIntake;
import io.tessera.channel.outbox.SmtpSettings;
import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;

/**
 * An admin walks the email tabs in headless Chromium: a failed mail found and reprocessed, the outbox with
 * its "no SMTP" banner, SMTP set up and a test mail sent to GreenMail, a template previewed live, a team's rules.
 */
@IntegrationTest
class EmailAdminBrowserTests {

    @RegisterExtension
    static GreenMailExtension relay = new GreenMailExtension(new ServerSetup(EmailAdminOutboxIntegrationTests.closedPort(),
            "127.0.0.1", "smtp"));

    @LocalServerPort
    int port;
    @Autowired
    MailIntake intake;
    @Autowired
    InboundMailProcessor processor;
    @Autowired
    SmtpSettings smtp;
    @Autowired
    io.tessera.identity.TeamManagement teams;

    Browser browser;

    @BeforeEach
    void openBrowser() {
        smtp.clear();
        browser = new Browser(port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
        smtp.clear();
    }

    @Test
    void anAdminWalksTheEmailTabs() {
        String subject = "Printer on fire " + UUID.randomUUID().toString().substring(0, 8);
        long failed = store(("To: support@tessera.localhost\r\nSubject: " + subject + "\r\nMessage-ID: <nobody-" + UUID.randomUUID()
                + "@x.example>\r\n\r\nNo sender here.\r\n").getBytes(StandardCharsets.UTF_8));
        store(TestMail.from("Bea Browser <bea-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.example>",
                "Keyboard missing keys").bytes());

        teams.create("Billing " + UUID.randomUUID().toString().substring(0, 4), "", java.util.Set.of(),
                io.tessera.shared.Initiator.system());
        Page page = browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        page.click("#nav-admin");
        page.click("#nav-email");
        assertThat(page).hasURL(browser.url("/admin/email/inbound"));
        assertThat(page.locator("#inbound tr[data-id='" + failed + "']")).containsText("no sender address");
        Browser.screenshot(page, "email-admin/01-inbound");

        page.click("#filter-failed");
        assertThat(page.locator("#inbound")).containsText(subject);
        page.click("#inbound tr[data-id='" + failed + "'] td:nth-child(4) a");
        assertThat(page.locator("#mail-error")).containsText("no sender address");
        page.click("#reprocess");
        assertThat(page.locator("#flash-error")).containsText("failed again");
        assertThat(page.locator("#mail-error")).containsText("attempt 2");
        Browser.screenshot(page, "email-admin/02-failed-mail-reprocessed");

        page.click("#tab-outbox");
        assertThat(page.locator("#no-smtp")).isVisible();
        assertThat(page.locator("#outbox")).containsText("Keyboard missing keys");
        Browser.screenshot(page, "email-admin/03-outbox");
        page.click("#outbox tbody tr:first-child td:nth-child(4) a");
        assertThat(page.locator("#mail-message-id")).containsText("tessera.");
        assertThat(page.frameLocator("#mail-html").locator("strong")).containsText("#");
        Browser.screenshot(page, "email-admin/04-outbox-mail");
        // Full-page pictures leave sandboxed frames blank in headless Chromium; the frame alone shows its content.
        page.locator("#mail-html").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(java.nio.file.Paths.get("target", "screenshots", io.tessera.testing.TestDatabase.kind(),
                        "email-admin", "04b-outbox-mail-html-part.png")));

        page.click("#tab-smtp");
        page.fill("#host", "127.0.0.1");
        page.fill("#port", Integer.toString(relay.getSmtp().getPort()));
        page.selectOption("#security", "NONE");
        page.click("#save-smtp");
        assertThat(page.locator("#flash")).containsText("SMTP settings saved");
        page.fill("#testTo", "ada.test@admin.example");
        page.click("#send-test");
        assertThat(page.locator("#test-result")).containsText("250");
        Browser.screenshot(page, "email-admin/05-smtp-test-mail");
        org.assertj.core.api.Assertions.assertThat(relay.getReceivedMessages()).anySatisfy(m ->
                org.assertj.core.api.Assertions.assertThat(m.getSubject()).isEqualTo("Tessera test mail"));

        page.click("#tab-templates");
        page.click("#templates tr[data-key='acknowledgement'] a");
        // The live preview listens through htmx, loaded with "defer": typing before it is ready goes unheard.
        page.waitForLoadState();
        page.waitForFunction("() => window.htmx !== undefined");
        page.fill("#subject", "Thanks! {{ticket.subject}} {{oops}}");
        assertThat(page.locator("#preview-subject")).containsText("Thanks! The printer on floor 3 jams");
        assertThat(page.locator("#unknown-placeholders")).containsText("{{oops}}");
        Browser.screenshot(page, "email-admin/06-template-preview");

        page.click("#tab-teams");
        assertThat(page.locator("#team-rules")).containsText("new follow-up ticket");
        Browser.screenshot(page, "email-admin/07-teams");
    }

    private long store(byte[] raw) {
        long id = intake.store(Arrival.pipe(null, null), raw).id();
        processor.process(id);
        return id;
    }
}
