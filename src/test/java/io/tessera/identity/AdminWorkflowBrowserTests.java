package io.tessera.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Page;

import io.tessera.testing.Browser;
import io.tessera.testing.IntegrationTest;

/**
 * An admin's first session in real headless Chromium: sign in, look at the workspace, create an agent and
 * a team through the admin screens, sign out. Runs with the demo data, as a new user would see it.
 */
@IntegrationTest
@TestPropertySource(properties = "tessera.demo=true")
class AdminWorkflowBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TeamManagement teams;

    @Autowired
    JdbcClient jdbc;

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
    void adminSignsInCreatesAnAgentAndATeamAndSignsOut() {
        Page page = browser.open("/");
        assertThat(page).hasURL(browser.url("/login"));
        page.fill("#email", IntegrationTest.ADMIN_EMAIL);
        page.fill("#password", IntegrationTest.ADMIN_PASSWORD);
        Browser.screenshot(page, "01-login");
        page.click("#sign-in");

        long unsolved = jdbc.sql("select count(*) from ticket where status in ('NEW', 'OPEN', 'PENDING', 'ON_HOLD')")
                .query(Long.class).single();
        assertThat(unsolved).isGreaterThan(10);
        assertThat(page.locator("#tickets tbody tr")).hasCount((int) Math.min(unsolved, 50));
        Browser.screenshot(page, "02-workspace");

        page.click("#nav-admin");
        page.click("#nav-agents");
        page.click("#new-agent");
        page.fill("#email", "priya.new@example.test");
        page.fill("#name", "Priya Newhire");
        page.selectOption("#role", "SUPERVISOR");
        page.check("label:has-text('Customer Support') >> xpath=preceding-sibling::input");
        Browser.screenshot(page, "03-new-agent-form");
        page.click("#save-agent");

        assertThat(page.locator("#flash")).containsText("priya.new@example.test");
        assertThat(page.locator("#flash-secret code")).not().isEmpty();
        assertThat(page.locator("#agents")).containsText("Priya Newhire");
        Browser.screenshot(page, "04-agent-created");
        Agent priya = agents.findByEmail("priya.new@example.test").orElseThrow();
        assertThat(priya.role()).isEqualTo(Role.SUPERVISOR);
        assertThat(priya.teams()).extracting(TeamRef::name).containsExactly("Customer Support");

        page.click("#nav-admin");
        page.click("#nav-teams");
        page.click("#new-team");
        page.fill("#name", "Escalations");
        page.fill("#description", "Second-line support for hard cases");
        page.check("#member-" + priya.id().value());
        page.click("#save-team");

        assertThat(page.locator("#teams tr[data-name='Escalations']")).containsText("Priya Newhire");
        Browser.screenshot(page, "05-team-created");
        assertThat(teams.list()).filteredOn(t -> t.name().equals("Escalations"))
                .singleElement().satisfies(t -> assertThat(t.memberIds()).containsExactly(priya.id()));

        // The admin's own profile: a token to list, then Priya's page, where admins see agents' tokens.
        page.navigate(browser.url("/profile"));
        page.fill("#token-name", "CRM sync");
        page.click("#create-token");
        assertThat(page.locator("#tokens")).containsText("CRM sync");
        assertThat(page.locator("#sign-out-everywhere")).isVisible();
        Browser.screenshot(page, "07-profile-tokens");
        tokens.create(priya.id(), "Priya's script", io.tessera.shared.Initiator.system());
        page.navigate(browser.url("/admin/agents/" + priya.id().value()));
        assertThat(page.locator("#agent-tokens")).containsText("Priya's script");
        assertThat(page.locator("#sign-out-everywhere")).isVisible();
        Browser.screenshot(page, "08-agent-tokens");

        page.click("#sign-out");
        assertThat(page.locator("#signed-out")).isVisible();
        Browser.screenshot(page, "06-signed-out");
        page.navigate(browser.url("/admin/agents"));
        assertThat(page).hasURL(browser.url("/login"));
    }
}
