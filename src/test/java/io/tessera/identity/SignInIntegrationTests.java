package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditTrail;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;

@IntegrationTest
class SignInIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail audit;

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
        HttpSession browser = new HttpSession(port);

        HttpSession.Page response = browser.signIn(agent.email(), "not-the-password", false);

        assertThat(response.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error").html().select("#login-error").text()).contains("Wrong email or password");
        assertThat(browser.get("/").location()).endsWith("/login");
        assertThat(new HttpSession(port).signIn("nobody@example.test", "whatever-pass", false).location())
                .endsWith("/login?error");
    }

    @Test
    void locksTheAccountAfterRepeatedFailuresUntilTheLockoutEnds() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(agent.email(), "wrong-password-" + i, false).location()).endsWith("/login?error");
        }

        HttpSession.Page withRightPassword = browser.signIn(agent.email(), Agents.PASSWORD, false);

        assertThat(withRightPassword.location()).endsWith("/login?locked");
        assertThat(agents.get(agent.id()).lockedAt(clock.instant())).isTrue();
        assertThat(audit.page(null, 20)).anyMatch(e -> e.action().equals("agent.locked_out") && e.subjectId() == agent.id().value());

        clock.advance(Duration.ofMinutes(16));
        assertThat(new HttpSession(port).signIn(agent.email(), Agents.PASSWORD, false).location()).endsWith("/");
    }

    @Test
    void anAdminCanUnlockALockedAccount() {
        Agent agent = Agents.create(agents, Role.AGENT);
        HttpSession browser = new HttpSession(port);
        for (int i = 0; i < 5; i++) {
            browser.signIn(agent.email(), "wrong-password-" + i, false);
        }
        assertThat(browser.signIn(agent.email(), Agents.PASSWORD, false).location()).endsWith("/login?locked");

        HttpSession admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        admin.get("/admin/agents/" + agent.id().value());
        assertThat(admin.post("/admin/agents/" + agent.id().value() + "/unlock", Map.of()).status()).isEqualTo(302);

        assertThat(new HttpSession(port).signIn(agent.email(), Agents.PASSWORD, false).location()).endsWith("/");
    }

    @Test
    void successResetsTheFailureCount() {
        Agent agent = Agents.create(agents, Role.AGENT);
        for (int round = 0; round < 2; round++) {
            HttpSession browser = new HttpSession(port);
            for (int i = 0; i < 4; i++) {
                browser.signIn(agent.email(), "wrong-password-" + i, false);
            }
            assertThat(browser.signIn(agent.email(), Agents.PASSWORD, false).location()).endsWith("/");
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
