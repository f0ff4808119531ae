package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.FromAddress;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

@IntegrationTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Test
    void signsInWithEmailAndPasswordAndLandsInTheWorkspace() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);

        HttpSession.Page response = browser.signIn(agent.email().toUpperCase(), Agents.PASSWORD, false);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.location()).endsWith("/");
        HttpSession.Page workspace = browser.get("/");
        assertThat(workspace.status()).isEqualTo(200);
        assertThat(workspace.html().select("#tickets")).isNotEmpty();
        assertThat(agents.get(agent.id()).lastLoginAt()).isNotNull();
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        Agent agent = Agents.create(agents, Role.AGENT);
        // Wrong passwords from an address of their own: failures count per client address (SignInThrottleIntegrationTests).
        FromAddress browser = FromAddress.fresh(port);

        FromAddress.Response response = browser.signIn(agent.email(), "not-the-password");

        assertThat(response.location()).endsWith("/login?error");
        assertThat(new HttpSession(port).get("/login?error").html().select("#login-error").text()).contains("Wrong email or password");
        assertThat(browser.get("/", null).location()).endsWith("/login");
        assertThat(FromAddress.fresh(port).signIn("nobody@example.test", "whatever-pass").location())
                .endsWith("/login?error");
    }

    @Test
    void successResetsTheFailureCount() {
        Agent agent = Agents.create(agents, Role.AGENT);
        FromAddress home = FromAddress.fresh(port);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(home.signIn(agent.email(), "wrong-password-" + i).location()).endsWith("/login?error");
            }
            assertThat(home.signIn(agent.email(), Agents.PASSWORD).location()).endsWith("/");
        }
    }

    @Test
    void deactivatedAgentsCannotSignIn() {
        Agent agent = Agents.create(agents, Role.AGENT);
        agents.deactivate(agent.id(), Initiator.system());

        assertThat(new HttpSession(port).signIn(agent.email(), Agents.PASSWORD, false).location()).endsWith("/login?error");
    }

    @Test
    void rememberMeKeepsTheAgentSignedInAfterTheSessionIsGone() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, true);
        assertThat(browser.cookie("remember-me")).isNotBlank();

        browser.dropCookie("SESSION");

        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void withoutRememberMeAClosedSessionMeansSigningInAgain() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, false);

        browser.dropCookie("SESSION");

        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void signOutEndsTheSession() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        browser.signIn(agent.email(), Agents.PASSWORD, true);
        browser.get("/");

        HttpSession.Page out = browser.post("/logout", Map.of());

        assertThat(out.location()).endsWith("/login?signedOut");
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRejected() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession attacker = new HttpSession(port);
        attacker.get("/login");

        HttpSession.Page login = attacker.postRaw("/login", Map.of("email", agent.email(), "password", Agents.PASSWORD));
        assertThat(login.status()).isEqualTo(403);

        HttpSession admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        HttpSession.Page forged = admin.postRaw("/admin/agents/" + agent.id().value() + "/deactivate", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(agents.get(agent.id()).active()).isTrue();
    }
}
