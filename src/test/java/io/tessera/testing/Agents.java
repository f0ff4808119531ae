package io.tessera.testing;

import java.util.Set;
import java.util.UUID;

import io.tessera.identity.Agent;
import io.tessera.identity.AgentManagement;
import io.tessera.identity.NewAgent;
import io.tessera.identity.Role;
import io.tessera.shared.Initiator;
import io.tessera.shared.TeamId;

/** Test data builder: agents with unique emails, so tests never share mutable fixtures. */
public final class Agents {

    public static final String PASSWORD = "agent-password-1";

    private Agents() {
    }

    public static Agent create(AgentManagement agents, Role role) {
        return create(agents, role, Set.of());
    }

    public static Agent create(AgentManagement agents, Role role, Set<TeamId> teams) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        return agents.create(new NewAgent(email, "Test " + role.label(), role, teams, PASSWORD), Initiator.system()).agent();
    }
}
