package io.tessera.identity;

import java.util.Set;

import io.tessera.shared.TeamId;

/** What an admin may change on an existing agent. */
public record AgentChanges(String name, Role role, Set<TeamId> teams) {
}
