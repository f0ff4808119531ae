package io.tessera.identity.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.tessera.identity.AgentManagement;
import io.tessera.identity.CreatedAgent;
import io.tessera.identity.NewAgent;
import io.tessera.identity.Role;
import io.tessera.shared.Initiator;

/**
 * On the first start against an empty database, creates the first admin from {@code TESSERA_ADMIN_EMAIL}
 * and {@code TESSERA_ADMIN_PASSWORD}, or with a generated password printed once to the console.
 * Runs before anything else that needs agents (the demo data).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdminBootstrap implements ApplicationRunner {

    static final String DEFAULT_EMAIL = "admin@tessera.localhost";

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final AgentManagement agents;
    private final AdminSettings settings;

    FirstAdminBootstrap(AgentManagement agents, AdminSettings settings) {
        this.agents = agents;
        this.settings = settings;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agents.anyAgentExists()) {
            return;
        }
        String email = blank(settings.email()) ? DEFAULT_EMAIL : settings.email().trim();
        String name = blank(settings.name()) ? "Administrator" : settings.name().trim();
        CreatedAgent admin = agents.create(
                new NewAgent(email, name, Role.ADMIN, Set.of(), blank(settings.password()) ? null : settings.password()),
                Initiator.system());
        if (admin.generatedPassword() != null) {
            // Printed, not logged: it is shown exactly once, on the console of whoever started Tessera.
            System.out.printf("%n  First admin created: %s%n  Password (shown only now): %s%n"
                    + "  Change it on your profile page after signing in.%n%n", email, admin.generatedPassword());
        } else {
            log.info("First admin created: agent {} from TESSERA_ADMIN_EMAIL", admin.agent().id());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
