package io.tessera.identity;

import java.time.Instant;
import java.util.List;

import io.tessera.shared.AgentId;

/** An agent as admins and the API see it. Never carries the password hash. */
public record Agent(AgentId id, String email, String name, Role role, boolean active,
                    Instant lastLoginAt, Instant createdAt, List<TeamRef> teams) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
