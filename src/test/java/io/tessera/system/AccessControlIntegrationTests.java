package io.tessera.system;

import static io.tessera.testing.ApiClient.basic;
import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.ApiTokens;
import io.tessera.identity.Role;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.ApiClient;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** Who may open what, by role, in the browser, the API and the operations endpoints. */
@IntegrationTest
@TestPropertySource(properties = "tessera.security.metrics-token=" + AccessControlIntegrationTests.METRICS_TOKEN)
class AccessControlIntegrationTests {

    static final String METRICS_TOKEN = "metrics-secret-for-tests";

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApiTokens tokens;

    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @CsvSource({
            "AGENT, /, 200", "AGENT, /profile, 200", "AGENT, /admin/agents, 403", "AGENT, /admin/teams, 403",
            "AGENT, /admin/audit, 403",
            "SUPERVISOR, /, 200", "SUPERVISOR, /admin/agents, 403", "SUPERVISOR, /admin/audit, 403",
            "ADMIN, /, 200", "ADMIN, /admin/agents, 200", "ADMIN, /admin/agents/new, 200", "ADMIN, /admin/teams, 200",
            "ADMIN, /admin/teams/new, 200", "ADMIN, /admin/audit, 200"})
    void browserPagesByRole(Role role, String path, int expected) {
        Agent agent = Agents.create(agents, role);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);

        HttpSession.Page page = browser.get(path);

        assertThat(page.status()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(page.html().select("#error-title").text()).isEqualTo("Not allowed");
        }
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpSession browser = new HttpSession(port);
        for (String path : new String[] {"/", "/admin/agents", "/profile", "/tickets/1000"}) {
            assertThat(browser.get(path).location()).as(path).endsWith("/login");
        }
        assertThat(browser.get("/login").status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} calls {1}: {2}")
    @CsvSource({
            "AGENT, /api/v1/me, 200", "AGENT, /api/v1/admin/agents, 403",
            "SUPERVISOR, /api/v1/me, 200", "SUPERVISOR, /api/v1/admin/agents, 403",
            "ADMIN, /api/v1/me, 200", "ADMIN, /api/v1/admin/agents, 200"})
    void apiByRoleWithTokenAndWithBasic(Role role, String path, int expected) {
        Agent agent = Agents.create(agents, role);
        String token = tokens.create(agent.id(), "test", Initiator.system()).secret();
        ApiClient api = new ApiClient(port);

        HttpResponse<String> withToken = api.get(path, bearer(token));
        HttpResponse<String> withBasic = api.get(path, basic(agent.email(), Agents.PASSWORD));

        assertThat(withToken.statusCode()).isEqualTo(expected);
        assertThat(withBasic.statusCode()).isEqualTo(expected);
        if (expected == 403) {
            assertThat(withToken.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(withToken.body()).contains("\"status\":403");
        }
    }

    @Test
    void unauthenticatedApiCallsGetAProblemNotALoginPage() {
        ApiClient api = new ApiClient(port);
        for (String auth : new String[] {null, bearer("tsr_not-a-real-token"), bearer("garbage"),
                basic(IntegrationTest.ADMIN_EMAIL, "wrong-password")}) {
            HttpResponse<String> response = api.get("/api/v1/me", auth);

            assertThat(response.statusCode()).as(String.valueOf(auth)).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.headers().allValues("WWW-Authenticate")).anyMatch(v -> v.startsWith("Bearer"));
            assertThat(response.body()).contains("\"status\":401").contains("\"title\":\"Unauthorized\"")
                    .doesNotContain("<html");
        }
    }

    @Test
    void apiIgnoresBrowserSessionsSoCsrfCannotReachIt() {
        HttpSession browser = new HttpSession(port);
        browser.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);

        assertThat(browser.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void healthIsPublicAndTellsNoDetails() {
        HttpResponse<String> health = new ApiClient(port).get("/actuator/health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("db").doesNotContain("diskSpace");
    }

    @Test
    void prometheusIsForAdminsAndTheMetricsToken() {
        ApiClient api = new ApiClient(port);
        Agent agent = Agents.create(agents, Role.AGENT);

        assertThat(api.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", basic(agent.email(), Agents.PASSWORD)).statusCode()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus", bearer("wrong-metrics-token")).statusCode()).isEqualTo(401);
        HttpResponse<String> admin = api.get("/actuator/prometheus", basic(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD));
        HttpResponse<String> scraper = api.get("/actuator/prometheus", bearer(METRICS_TOKEN));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theMetricsTokenOpensNothingElse() {
        ApiClient api = new ApiClient(port);

        assertThat(api.get("/api/v1/me", bearer(METRICS_TOKEN)).statusCode()).isEqualTo(401);
    }
}
