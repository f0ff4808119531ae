package io.tessera.identity;

import java.util.Set;

import io.tessera.shared.TeamId;

/** What an admin gives to create an agent. A blank password means "generate one and show it once". */
public record NewAgent(String email, String name, Role role, Set<TeamId> teams, String password) {
}
