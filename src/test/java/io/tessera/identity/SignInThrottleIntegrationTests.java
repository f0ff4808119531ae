package io.tessera.identity;

import static io.tessera.testing.ApiClient.basic;
import static io.tessera.testing.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditEntry;
import io.tessera.audit.AuditTrail;
import io.tessera.shared.Initiator;
import io.tessera.testing.Agents;
import io.tessera.testing.FromAddress;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;
import io.tessera.testing.MutableClock;

/**
 * Sign-in throttling (issue 13): nobody can lock an agent out by failing on purpose, spraying from one
 * address is slowed down, and the answers never tell which emails belong to agents. Each client is a
 * loopback address of its own ({@link FromAddress}), as attackers and agents sit at different computers.
 */
@IntegrationTest
class SignInThrottleIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    ApiTokens tokens;

    @Autowired
    MutableClock clock;

    @Autowired
    AuditTrail audit;

    @Autowired
    io.tessera.channel.outbox.Outbox outbox;

    @Test
    void anAttackersFailuresDoNotKeepTheAgentOutOfAnAddressTheyUse() {
        Agent agent = Agents.create(agents, Role.ADMIN);
        FromAddress office = FromAddress.fresh(port);
        assertThat(office.signIn(agent.email(), Agents.PASSWORD).location()).endsWith("/");

        // A botnet: five addresses, five wrong passwords each, well past the account-wide limit of 20.
        List<FromAddress> attackers = new ArrayList<>();
        for (int a = 0; a < 5; a++) {
            FromAddress attacker = FromAddress.fresh(port);
            attackers.add(attacker);
            for (int i = 0; i < 6; i++) {
                attacker.signIn(agent.email(), "guess-" + a + "-" + i);
            }
        }

        assertThat(office.signIn(agent.email(), Agents.PASSWORD).location()).as("the agent's own address").endsWith("/");
        assertThat(attackers.get(0).signIn(agent.email(), Agents.PASSWORD).location())
                .as("even the right password waits on an attacking address").endsWith("/login?throttled");
        assertThat(FromAddress.fresh(port).signIn(agent.email(), Agents.PASSWORD).location())
                .as("an address the agent never used waits while the account is under attack").endsWith("/login?throttled");
        assertThat(audit.page(null, 50)).anyMatch(e -> e.action().equals("sign_in.throttled_account")
                && agent.id().value() == e.subjectId());
    }

    @Test
    void aSprayFromOneAddressIsRefusedPastTheLimitWithGrowingWaits() {
        FromAddress sprayer = FromAddress.fresh(port);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            answers.add(sprayer.signIn("spray-" + i + "-" + System.nanoTime() + "@example.test", "Summer2026!").location());
        }

        assertThat(answers.subList(0, 20)).allMatch(location -> location.endsWith("/login?error"));
        assertThat(answers.subList(20, 40)).allMatch(location -> location.endsWith("/login?throttled"));

        clock.advance(Duration.ofSeconds(1));
        assertThat(sprayer.signIn("after-1s@example.test", "x-password-1").location()).endsWith("/login?error");
        assertThat(sprayer.signIn("right-after@example.test", "x-password-2").location()).endsWith("/login?throttled");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sprayer.signIn("after-2s@example.test", "x-password-3").location())
                .as("the 21st failure doubled the wait to 2 s").endsWith("/login?throttled");
        clock.advance(Duration.ofSeconds(1));
        assertThat(sprayer.signIn("after-3s@example.test", "x-password-4").location()).endsWith("/login?error");

        List<AuditEntry> alerts = audit.page(null, 200).stream()
                .filter(e -> e.action().equals("sign_in.throttled_address") && e.summary().contains(sprayer.address() + ";"))
                .toList();
        assertThat(alerts).as("one alert for the attack, not one per attempt").hasSize(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(outbox.page(null, null, null, 200)).as("admins are told by mail")
                        .anyMatch(mail -> mail.to().contains(IntegrationTest.ADMIN_EMAIL)
                                && mail.subject().contains("Sign-ins throttled") && mail.subject().contains(sprayer.address())));
    }

    @Test
    void colleaguesTyposAtOneOfficeAddressDoNotSlowTheAgentsWhoWorkThere() {
        Agent regular = Agents.create(agents, Role.AGENT);
        Agent newcomer = Agents.create(agents, Role.AGENT);
        FromAddress office = FromAddress.fresh(port);
        assertThat(office.signIn(regular.email(), Agents.PASSWORD).location()).endsWith("/");

        // A day of mistyped passwords by twenty other people behind the same NAT address.
        for (int i = 0; i < 21; i++) {
            office.signIn("colleague-" + i + "-" + System.nanoTime() + "@example.test", "typo-password-" + i);
        }

        assertThat(office.signIn(regular.email(), Agents.PASSWORD).location())
                .as("an agent who signed in from the office before").endsWith("/");
        assertThat(office.signIn(newcomer.email(), Agents.PASSWORD).location())
                .as("someone new at a spraying address waits").endsWith("/login?throttled");
    }

    @Test
    void knownAndUnknownEmailsGetTheSameAnswers() {
        Agent agent = Agents.create(agents, Role.AGENT);
        Agent deactivated = Agents.create(agents, Role.AGENT);
        agents.deactivate(deactivated.id(), Initiator.system());
        String unknown = "nobody-" + System.nanoTime() + "@example.test";

        List<String> forAgent = formAnswers(agent.email());
        assertThat(formAnswers(unknown)).isEqualTo(forAgent);
        assertThat(formAnswers(deactivated.email())).isEqualTo(forAgent);
        assertThat(forAgent).containsExactly("/login?error", "/login?error", "/login?error", "/login?error",
                "/login?error", "/login?throttled", "/login?throttled", "/login?throttled");

        List<String> basicForAgent = basicAnswers(agent.email());
        assertThat(basicAnswers(unknown)).isEqualTo(basicForAgent);
        assertThat(basicAnswers(deactivated.email())).isEqualTo(basicForAgent);
        assertThat(basicForAgent).containsExactly("401", "401", "401", "401", "401", "429 Retry-After: 1",
                "429 Retry-After: 1");
    }

    @Test
    void anApiTokenKeepsWorkingWhileThePasswordIsAttacked() {
        Agent agent = Agents.create(agents, Role.AGENT);
        String token = tokens.create(agent.id(), "CRM sync", Initiator.system()).secret();
        FromAddress attacker = FromAddress.fresh(port);
        for (int i = 0; i < 6; i++) {
            attacker.get("/api/v1/me", basic(agent.email(), "guess-" + i));
        }
        FromAddress.Response refused = attacker.get("/api/v1/me", basic(agent.email(), Agents.PASSWORD));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();

        assertThat(attacker.get("/api/v1/me", bearer(token)).status()).as("tokens are not throttled").isEqualTo(200);
        assertThat(FromAddress.fresh(port).get("/api/v1/me", bearer(token)).status()).isEqualTo(200);
    }

    @Test
    void anAdminClearsAnAgentsFailedSignIns() {
        Agent agent = Agents.create(agents, Role.AGENT);
        FromAddress cafe = FromAddress.fresh(port);
        for (int i = 0; i < 5; i++) {
            cafe.signIn(agent.email(), "typo-" + i);
        }
        assertThat(cafe.signIn(agent.email(), Agents.PASSWORD).location()).endsWith("/login?throttled");

        HttpSession admin = new HttpSession(port);
        admin.signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false);
        HttpSession.Page page = admin.get("/admin/agents/" + agent.id().value());
        assertThat(page.html().select("#sign-in-failures").text()).isEqualTo("5 failed sign-ins today");
        assertThat(admin.post("/admin/agents/" + agent.id().value() + "/clear-sign-in-failures", Map.of()).status())
                .isEqualTo(302);

        assertThat(cafe.signIn(agent.email(), Agents.PASSWORD).location()).endsWith("/");
        assertThat(admin.get("/admin/agents/" + agent.id().value()).html().select("#sign-in-failures")).isEmpty();
        assertThat(audit.page(null, 50)).anyMatch(e -> e.action().equals("agent.sign_in_failures_cleared")
                && agent.id().value() == e.subjectId() && e.actorName().equals("Ada Admin"));
    }

    /** Eight wrong passwords from a fresh address, then the (for an agent: right) password. */
    private List<String> formAnswers(String email) {
        FromAddress client = FromAddress.fresh(port);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            answers.add(path(client.signIn(email, "wrong-password-" + i).location()));
        }
        answers.add(path(client.signIn(email, Agents.PASSWORD).location()));
        return answers;
    }

    private List<String> basicAnswers(String email) {
        FromAddress client = FromAddress.fresh(port);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(describe(client.get("/api/v1/me", basic(email, "wrong-password-" + i))));
        }
        answers.add(describe(client.get("/api/v1/me", basic(email, Agents.PASSWORD))));
        return answers;
    }

    private static String describe(FromAddress.Response response) {
        return response.status() == 429 ? "429 Retry-After: " + response.header("Retry-After") : String.valueOf(response.status());
    }

    private static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
