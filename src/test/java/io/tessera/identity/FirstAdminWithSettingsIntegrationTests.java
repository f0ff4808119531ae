package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.tessera.audit.AuditTrail;
import io.tessera.testing.HttpSession;
import io.tessera.testing.IntegrationTest;

/** {@link IntegrationTest} sets TESSERA_ADMIN_EMAIL/PASSWORD/NAME (as properties); the first admin uses them. */
@IntegrationTest
class FirstAdminWithSettingsIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    AgentManagement agents;

    @Autowired
    AuditTrail audit;

    @Test
    void createsTheFirstAdminFromTheSettings() {
        Agent admin = agents.findByEmail(IntegrationTest.ADMIN_EMAIL).orElseThrow();

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.name()).isEqualTo("Ada Admin");
        assertThat(admin.active()).isTrue();
        assertThat(new HttpSession(port).signIn(IntegrationTest.ADMIN_EMAIL, IntegrationTest.ADMIN_PASSWORD, false)
                .location()).endsWith("/");
        assertThat(audit.page(null, 100)).anyMatch(e -> e.action().equals("agent.created")
                && e.actorName().equals("Tessera") && e.subjectId() == admin.id().value());
    }
}
