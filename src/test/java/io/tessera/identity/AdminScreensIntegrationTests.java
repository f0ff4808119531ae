package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditEntry;
import io.tessera.audit.AuditTrail;
import io.tessera.shared.Actor;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** The admin screens for agents and teams, through real HTTP forms, and the audit trail they leave. */
@IntegrationTest
class AdminScreensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    AuditTrail audit;

    private HttpSession admin() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return browser;
    }

    @Test
    void createsAnAgentWithAGeneratedPasswordShownOnce() {
        HttpSession admin = admin();
        admin.get("/admin/agents/new");
        String email = "new-" + System.nanoTime() + "@example.test";

        HttpSession.Page saved = admin.post("/admin/agents", Map.of("email", email, "name", "Nia New", "role", "SUPERVISOR"));
        Document list = admin.get(saved.location()).html();

        String password = list.select("#flash-secret code").text();
        assertThat(list.select("#agents tr[data-email=" + email + "]").text()).contains("Nia New", "Supervisor", "Active");
        assertThat(new HttpSession(port).signIn(email, password, false).location()).endsWith("/");
        AuditEntry entry = audit.page(null, 10).stream().filter(e -> e.action().equals("agent.created")).findFirst().orElseThrow();
        assertThat(entry.actorName()).isEqualTo("Ada Admin");
        assertThat(entry.actor().type()).isEqualTo(Actor.Type.AGENT);
        assertThat(entry.summary()).contains(email);
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedAndSaysWhy() {
        Agent existing = Agents.create(agents, Role.AGENT);
        HttpSession admin = admin();
        admin.get("/admin/agents/new");

        HttpSession.Page page = admin.post("/admin/agents",
                Map.of("email", existing.email(), "name", "Typed Name", "role", "AGENT"));

        assertThat(page.status()).isEqualTo(200);
        Document form = page.html();
        assertThat(form.select("#email.is-invalid")).isNotEmpty();
        assertThat(form.select("#email").val()).isEqualTo(existing.email());
        assertThat(form.select("#name").val()).isEqualTo("Typed Name");
        assertThat(form.text()).contains("already exists");
    }

    @Test
    void createsATeamWithMembersAndEditsIt() {
        Agent first = Agents.create(agents, Role.AGENT);
        Agent second = Agents.create(agents, Role.AGENT);
        HttpSession admin = admin();
        admin.get("/admin/teams/new");
        String name = "Escalations " + System.nanoTime();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("description", "Second line");
        form.put("memberIds", String.valueOf(first.id().value()));

        admin.post("/admin/teams", form);

        Team team = teams.list().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(team.memberIds()).containsExactly(first.id());
        assertThat(admin.get("/admin/teams").html().select("#teams tr[data-name=\"" + name + "\"]").text()).contains(first.name());

        admin.get("/admin/teams/" + team.id().value());
        admin.post("/admin/teams/" + team.id().value(),
                Map.of("name", name, "description", "Second line", "memberIds", String.valueOf(second.id().value())));
        assertThat(teams.get(team.id()).memberIds()).containsExactly(second.id());
        assertThat(agents.get(second.id()).teams()).extracting(TeamRef::name).contains(name);
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("team.updated")
                && e.summary().contains("1 member(s) added") && e.summary().contains("1 member(s) removed"));
    }

    @Test
    void deactivatingAnAgentEndsTheirSessionAtOnce() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession agentBrowser = new HttpSession(port);
        agentBrowser.signIn(agent.email(), Agents.PASSWORD, true);
        assertThat(agentBrowser.get("/").status()).isEqualTo(200);

        HttpSession admin = admin();
        admin.get("/admin/agents/" + agent.id().value());
        admin.post("/admin/agents/" + agent.id().value() + "/deactivate", Map.of());

        assertThat(agents.get(agent.id()).active()).isFalse();
        assertThat(agentBrowser.get("/").location()).endsWith("/login");
        assertThat(admin.get("/admin/audit").html().select("#audit").text()).contains("Deactivated agent " + agent.email());
    }

    @Test
    void anAdminCannotDeactivateThemselvesOrRemoveTheLastAdmin() {
        Agent me = agents.findByEmail(IntegrationTest.ADMIN_EMAIL).orElseThrow();
        HttpSession admin = admin();
        admin.get("/admin/agents/" + me.id().value());

        HttpSession.Page refused = admin.post("/admin/agents/" + me.id().value() + "/deactivate", Map.of());

        assertThat(admin.get(refused.location()).html().select("#flash-error").text()).contains("cannot deactivate yourself");
        assertThat(agents.get(me.id()).active()).isTrue();
    }

    @Test
    void resettingAPasswordShowsTheNewOneOnceAndTheOldOneStopsWorking() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession admin = admin();
        admin.get("/admin/agents/" + agent.id().value());

        HttpSession.Page reset = admin.post("/admin/agents/" + agent.id().value() + "/reset-password", Map.of("password", ""));
        String password = admin.get(reset.location()).html().select("#flash-secret code").text();

        assertThat(password).hasSize(20);
        assertThat(new HttpSession(port).signIn(agent.email(), Agents.PASSWORD, false).location()).endsWith("/login?error");
        assertThat(new HttpSession(port).signIn(agent.email(), password, false).location()).endsWith("/");
    }

    @Test
    void anAgentChangesTheirOwnPassword() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        browser.get("/profile");

        HttpSession.Page wrong = browser.post("/profile/password",
                Map.of("currentPassword", "not-it-at-all", "newPassword", "brand-new-password"));
        assertThat(wrong.html().select("#currentPassword.is-invalid")).isNotEmpty();

        browser.post("/profile/password", Map.of("currentPassword", Agents.PASSWORD, "newPassword", "brand-new-password"));
        assertThat(browser.get("/").status()).as("keeps own session").isEqualTo(200);
        assertThat(new HttpSession(port).signIn(agent.email(), "brand-new-password", false).location()).endsWith("/");
    }
}
