package io.tessera.identity;

import java.time.Instant;
import java.util.List;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/** A team (group) of agents that tickets are routed to. */
public record Team(TeamId id, String name, String description, Instant createdAt, List<AgentId> memberIds) {

    public TeamRef ref() {
        return new TeamRef(id, name);
    }
}
