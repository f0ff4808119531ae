package io.tessera.identity;

import static io.tessera.testing.ApiClient.basic;
import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditTrail;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/**
 * Taking an account back (issue 13): a password reset and "sign out everywhere" end the agent's sessions,
 * remember-me logins and, unless the admin unticks the box, API tokens; admins see and revoke an agent's tokens.
 */
@IntegrationTest
class AgentSessionsAndTokensIntegrationTests {

    private static final String ADMIN = basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditTrail audit;

    @Test
    void anAdminPasswordResetRevokesTheAgentsTokensWhenTheBoxIsTicked() {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "Laptop script", Initiator.system()).secret();
        HttpSession admin = admin();
        HttpSession.Page page = admin.get("/admin/agents/" + agent.id().value());
        assertThat(page.html().select("#reset-revoke-tokens").hasAttr("checked")).as("ticked by default").isTrue();

        admin.post("/admin/agents/" + agent.id().value() + "/reset-password",
                Map.of("password", "a-new-password-1", "revokeTokens", "on"));

        assertThat(api().get("/api/v1/me", bearer(token)).statusCode()).isEqualTo(401);
        assertThat(audit.page(null, 30)).anyMatch(e -> e.action().equals("api_token.revoked")
                && agent.id().value() == e.subjectId() && e.actorName().equals("Ada Admin"));
    }

    @Test
    void withTheBoxUntickedTheTokensSurviveTheReset() {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "Laptop script", Initiator.system()).secret();
        HttpSession session = new HttpSession(port);
        session.signIn(agent.email(), Agents.PASSWORD, false);
        HttpSession admin = admin();
        admin.get("/admin/agents/" + agent.id().value());

        admin.post("/admin/agents/" + agent.id().value() + "/reset-password", Map.of("password", "a-new-password-1"));

        assertThat(api().get("/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(session.get("/").location()).as("sessions end either way").endsWith("/login");
    }

    @Test
    void signOutEverywhereFromTheProfileEndsTheOtherSessionsAndRememberMeAndTokens() {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "Laptop script", Initiator.system()).secret();
        HttpSession phone = new HttpSession(port);
        phone.signIn(agent.email(), Agents.PASSWORD, true);
        HttpSession desk = new HttpSession(port);
        desk.signIn(agent.email(), Agents.PASSWORD, false);
        assertThat(desk.get("/profile").html().select("#sign-out-everywhere")).isNotEmpty();

        HttpSession.Page out = desk.post("/profile/sign-out-everywhere", Map.of("revokeTokens", "on"));

        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(desk.get("/").location()).endsWith("/login");
        assertThat(phone.get("/").location()).as("the other session").endsWith("/login");
        phone.dropCookie("SESSION");
        assertThat(phone.get("/").location()).as("remember-me no longer signs in").endsWith("/login");
        assertThat(api().get("/api/v1/me", bearer(token)).statusCode()).isEqualTo(401);
        assertThat(audit.page(null, 30)).anyMatch(e -> e.action().equals("agent.signed_out_everywhere")
                && agent.id().value() == e.subjectId());
    }

    @Test
    void anAdminSignsAnAgentOutEverywhereAndMayKeepTheirTokens() {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "Laptop script", Initiator.system()).secret();
        HttpSession session = new HttpSession(port);
        session.signIn(agent.email(), Agents.PASSWORD, false);
        HttpSession admin = admin();
        admin.get("/admin/agents/" + agent.id().value());

        assertThat(admin.post("/admin/agents/" + agent.id().value() + "/sign-out-everywhere", Map.of()).location())
                .endsWith("/admin/agents/" + agent.id().value());

        assertThat(session.get("/").location()).endsWith("/login");
        assertThat(api().get("/api/v1/me", bearer(token)).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/agents").status()).as("the admin stays signed in").isEqualTo(200);
    }

    @Test
    void anAdminSeesAnAgentsTokensAndRevokesOne() {
        Agent agent = Agents.create(agents, Role.AGENT);
        IssuedToken crm = tokens.create(agent.id(), "CRM sync", Initiator.system());
        String backup = tokens.create(agent.id(), "Backup job", Initiator.system()).secret();
        HttpSession admin = admin();

        HttpSession.Page page = admin.get("/admin/agents/" + agent.id().value());
        assertThat(page.html().select("#agent-tokens tbody tr td:first-child").eachText())
                .containsExactlyInAnyOrder("CRM sync", "Backup job");
        assertThat(page.body()).doesNotContain(crm.secret()).doesNotContain(backup);

        admin.post("/admin/agents/" + agent.id().value() + "/tokens/" + crm.token().id() + "/revoke", Map.of());

        assertThat(api().get("/api/v1/me", bearer(crm.secret())).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", bearer(backup)).statusCode()).isEqualTo(200);
        assertThat(admin.get("/admin/agents/" + agent.id().value()).html()
                .select("tr[data-token-id=" + crm.token().id() + "] .badge").text()).isEqualTo("Revoked");
    }

    @Test
    void theAgentTokensApiListsAndRevokesForAdminsOnly() {
        Agent agent = Agents.create(agents, Role.AGENT);
        IssuedToken crm = tokens.create(agent.id(), "CRM sync", Initiator.system());
        String backup = tokens.create(agent.id(), "Backup job", Initiator.system()).secret();
        String path = "/api/v1/admin/agents/" + agent.id().value() + "/tokens";

        HttpResponse<String> list = api().get(path, ADMIN);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"name\":\"CRM sync\"", "\"name\":\"Backup job\"")
                .doesNotContain(crm.secret()).doesNotContain(backup);

        assertThat(api().delete(path + "/" + crm.token().id(), ADMIN).statusCode()).isEqualTo(204);
        assertThat(api().get("/api/v1/me", bearer(crm.secret())).statusCode()).isEqualTo(401);
        assertThat(api().get("/api/v1/me", bearer(backup)).statusCode()).isEqualTo(200);

        HttpResponse<String> missing = api().delete(path + "/999999999", ADMIN);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api().get("/api/v1/admin/agents/999999999/tokens", ADMIN).statusCode()).isEqualTo(404);

        Agent other = Agents.create(agents, Role.SUPERVISOR);
        String notAdmin = tokens.create(other.id(), "Mine", Initiator.system()).secret();
        assertThat(api().get(path, bearer(notAdmin)).statusCode()).isEqualTo(403);
        assertThat(api().delete(path + "/" + tokens.list(agent.id()).get(0).id(), bearer(notAdmin)).statusCode())
                .isEqualTo(403);
        HttpSession supervisor = new HttpSession(port);
        supervisor.signIn(other.email(), Agents.PASSWORD, false);
        supervisor.get("/profile");
        assertThat(supervisor.post("/admin/agents/" + agent.id().value() + "/sign-out-everywhere", Map.of()).status())
                .isEqualTo(403);
        assertThat(api().get("/api/v1/me", bearer(backup)).statusCode()).isEqualTo(200);
    }

    private HttpSession admin() {
        HttpSession admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        return admin;
    }

    private ApiClient api() {
        return new ApiClient(port);
    }
}
