package io.tessera.ticket;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;

/**
 * An admin, in Chromium: creates a ticket type, a drop-down field and a field required to solve, puts both
 * on the type's form, logs a ticket of that type with the drop-down set, and tries to solve it without the
 * required field — refused, naming the field, keeping the choice — then fills it in and solves it.
 */
@IntegrationTest
class CustomFieldBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    TicketManagement tickets;

    @Autowired
    TicketFields fields;

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
    void adminBuildsAFormAndSolvingWaitsForTheRequiredField() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Page page = browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);
        // The admin menu is a Bootstrap dropdown: open it only once the workspace and its scripts have loaded.
        page.waitForLoadState(LoadState.LOAD);

        page.click("#nav-admin");
        page.click("#nav-ticket-admin");
        page.click("#tab-types");
        page.fill("#new-type", "Warranty " + suffix);
        page.click("#add-type");
        assertThat(page.locator("#flash")).containsText("Type Warranty " + suffix + " added");

        page.click("#tab-fields");
        page.click("#new-field");
        page.fill("#label", "Product line");
        page.fill("#key", "product_line_" + suffix);
        page.selectOption("#type", "DROPDOWN");
        page.fill("#options", "Kettles\nToasters\nBlenders");
        page.fill("#description", "Which product the warranty claim is about.");
        Browser.screenshot(page, "fields-01-new-drop-down");
        page.click("#save-field");
        assertThat(page.locator("#flash")).containsText("Field Product line created");

        page.click("#new-field");
        page.fill("#label", "Serial number");
        page.fill("#key", "serial_" + suffix);
        page.click("label[for=requiredToSolve]");
        page.click("#save-field");
        assertThat(page.locator("tr[data-key=serial_" + suffix + "]")).containsText("Serial number");
        Browser.screenshot(page, "fields-02-field-list");

        page.click("#tab-forms");
        page.click("#edit-form-warranty-" + suffix);
        page.click("label[for=include-product_line_" + suffix + "]");
        page.click("label[for=include-serial_" + suffix + "]");
        page.fill("#position-product_line_" + suffix, "1");
        page.fill("#position-serial_" + suffix, "2");
        Browser.screenshot(page, "fields-03-form-editor");
        page.click("#save-form");
        assertThat(page.locator("tr[data-type=warranty-" + suffix + "] .badge")).hasText(new String[] {"Product line", "Serial number"});

        page.navigate(browser.url("/tickets/new"));
        page.fill("#requesterEmail", "claim" + suffix + "@example.test");
        page.fill("#requesterName", "Wanda Warranty");
        page.fill("#subject", "Kettle stopped heating");
        page.fill("#body", "Bought in March, stopped working last week.");
        page.selectOption("#type", "warranty-" + suffix);
        // The type's form arrives with htmx.
        page.selectOption("#cf-product_line_" + suffix, "Kettles");
        Browser.screenshot(page, "fields-04-new-ticket-with-fields");
        page.click("#create-ticket");
        assertThat(page.locator("#flash")).containsText("created");
        long number = Long.parseLong(page.url().replaceAll(".*/tickets/", ""));

        page.selectOption("#status", "SOLVED");
        page.click("#submit-ticket");
        assertThat(page.locator("[data-field=serial_" + suffix + "] .invalid-feedback"))
                .containsText("Serial number is required to solve this ticket");
        assertThat(page.locator("#cf-product_line_" + suffix)).hasValue("Kettles");
        Browser.screenshot(page, "fields-05-solve-refused");
        assertThat(tickets.findByNumber(number).orElseThrow().status()).isNotEqualTo(TicketStatus.SOLVED);

        page.fill("#cf-serial_" + suffix, "KT-2291-A");
        page.click("#submit-ticket");
        assertThat(page.locator("#flash")).hasText("Ticket updated.");
        assertThat(page.locator("#ticket-status")).hasText("Solved");
        assertThat(page.locator("#timeline")).containsText("changed Serial number from empty to KT-2291-A");
        assertThat(page.locator("#timeline")).containsText("changed Product line from empty to Kettles");
        Browser.screenshot(page, "fields-06-solved-with-fields");

        Ticket ticket = tickets.findByNumber(number).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(fields.valuesOf(ticket.id())).containsEntry("product_line_" + suffix, "Kettles")
                .containsEntry("serial_" + suffix, "KT-2291-A");
    }
}
