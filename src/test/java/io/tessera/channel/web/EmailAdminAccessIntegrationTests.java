package io.tessera.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.Role;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** Every email admin screen and action is for admins only: agents and supervisors get 403. */
@IntegrationTest
class EmailAdminAccessIntegrationTests {

    static final List<String> PAGES = List.of("/admin/email", "/admin/email/inbound", "/admin/email/inbound/1",
            "/admin/email/inbound/1/original", "/admin/email/outbox", "/admin/email/outbox/1", "/admin/email/smtp",
            "/admin/email/templates", "/admin/email/templates/acknowledgement", "/admin/email/teams", "/admin/email/teams/1");
    static final List<String> ACTIONS = List.of("/admin/email/inbound/1/reprocess", "/admin/email/outbox/1/send-again",
            "/admin/email/smtp", "/admin/email/smtp/test", "/admin/email/smtp/remove", "/admin/email/templates/acknowledgement",
            "/admin/email/templates/acknowledgement/preview", "/admin/email/templates/acknowledgement/reset",
            "/admin/email/teams/1");

    @LocalServerPort
    int port;
    @Autowired
    AgentManagement agents;

    @Test
    void agentsAndSupervisorsAreRefusedEveryScreenAndAction() {
        for (Role role : List.of(Role.AGENT, Role.SUPERVISOR)) {
            Agent agent = Agents.create(agents, role);
            HttpSession browser = new HttpSession(port);
            browser.signIn(agent.email(), Agents.PASSWORD, false);
            browser.get("/");
            for (String page : PAGES) {
                assertThat(browser.get(page).status()).as("%s GET %s", role, page).isEqualTo(403);
            }
            browser.get("/");
            for (String action : ACTIONS) {
                assertThat(browser.post(action, Map.of("host", "x", "port", "25", "testTo", "a@b.example")).status())
                        .as("%s POST %s", role, action).isEqualTo(403);
            }
        }
        assertThat(new HttpSession(port).get("/admin/email/inbound").location()).as("signed out").endsWith("/login");
    }
}
