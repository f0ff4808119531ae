package io.tessera.identity;

import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

@IntegrationTest
class ApiTokenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    TeamManagement teams;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void agentCreatesUsesAndRevokesATokenOnTheProfilePage() {
        Team team = teams.create("Tokens team " + System.nanoTime(), null, Set.of(), Initiator.system());
        Agent agent = Agents.create(agents, Role.SUPERVISOR, Set.of(team.id()));
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        browser.get("/profile");

        HttpSession.Page created = browser.post("/profile/tokens", Map.of("name", "CRM sync"));
        HttpSession.Page shown = browser.get(created.location());
        String secret = shown.html().select("#flash-secret code").text();

        assertThat(secret).startsWith("tsr_").hasSizeGreaterThan(40);
        assertThat(browser.get("/profile").html().select("#flash-secret")).as("shown only once").isEmpty();
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ? or token_prefix = ?")
                .params(secret, secret).query(Long.class).single()).as("secret never stored").isZero();

        HttpResponse<String> me = new ApiClient(port).get("/api/v1/me", bearer(secret));
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"id\":" + agent.id().value(), "\"email\":\"" + agent.email() + "\"",
                "\"name\":\"Test Supervisor\"", "\"role\":\"supervisor\"", "\"name\":\"" + team.name() + "\"");

        Element row = browser.get("/profile").html().select("#tokens tbody tr").first();
        assertThat(row.text()).contains("CRM sync").doesNotContain("never");
        String revokeAction = row.selectFirst("form").attr("action");
        browser.post(revokeAction, Map.of());

        assertThat(new ApiClient(port).get("/api/v1/me", bearer(secret)).statusCode()).isEqualTo(401);
        assertThat(browser.get("/profile").html().select("#tokens").text()).contains("Revoked");
    }

    @Test
    void aTokenNeedsAName() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);
        browser.get("/profile");

        HttpSession.Page page = browser.post("/profile/tokens", Map.of("name", "  "));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html().select("#token-name.is-invalid")).isNotEmpty();
        assertThat(tokens.list(agent.id())).isEmpty();
    }

    @Test
    void nobodyRevokesSomebodyElsesToken() {
        Agent owner = Agents.create(agents, Role.AGENT);
        Agent other = Agents.create(agents, Role.AGENT);
        IssuedToken token = tokens.create(owner.id(), "mine", Initiator.system());
        HttpSession browser = new HttpSession(port);
        browser.signIn(other.email(), Agents.PASSWORD, false);
        browser.get("/profile");

        HttpSession.Page attempt = browser.post("/profile/tokens/" + token.token().id() + "/revoke", Map.of());

        assertThat(attempt.status()).isEqualTo(404);
        assertThat(new ApiClient(port).get("/api/v1/me", bearer(token.secret())).statusCode()).isEqualTo(200);
    }

    @Test
    void tokensOfADeactivatedAgentStopWorking() {
        Agent agent = Agents.create(agents, Role.AGENT);
        String secret = tokens.create(agent.id(), "script", Initiator.system()).secret();
        assertThat(new ApiClient(port).get("/api/v1/me", bearer(secret)).statusCode()).isEqualTo(200);

        agents.deactivate(agent.id(), Initiator.system());

        assertThat(new ApiClient(port).get("/api/v1/me", bearer(secret)).statusCode()).isEqualTo(401);
    }

    @Test
    void theApiValidatesInputAndNamesTheField() {
        ApiClient api = new ApiClient(port);
        String admin = ApiClient.basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD);

        HttpResponse<String> invalid = api.postJson("/api/v1/admin/agents",
                "{\"email\":\"not-an-email\",\"name\":\"X\",\"role\":\"agent\"}", admin);
        HttpResponse<String> created = api.postJson("/api/v1/admin/agents",
                "{\"email\":\"api-made-" + System.nanoTime() + "@example.test\",\"name\":\"Api Made\",\"role\":\"supervisor\"}", admin);

        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(invalid.body()).contains("\"field\":\"email\"");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"role\":\"supervisor\"", "\"generatedPassword\":\"");
    }
}
