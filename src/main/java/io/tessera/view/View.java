package io.tessera.view;

import java.time.Instant;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * A saved view. Built-in views ({@code builtInKey} names them) are the same for everyone and cannot change;
 * a view with an owner is that agent's personal view; any other is shared with everyone or, with a team,
 * with that team's members.
 */
public record View(long id, String name, AgentId owner, TeamId team, int position, String builtInKey,
                   ViewDefinition definition, Instant updatedAt) {

    public enum Kind { BUILT_IN, SHARED, PERSONAL }

    public Kind kind() {
        return builtInKey != null ? Kind.BUILT_IN : owner != null ? Kind.PERSONAL : Kind.SHARED;
    }

    public boolean isBuiltIn() {
        return builtInKey != null;
    }

    public boolean isPersonal() {
        return owner != null;
    }
}
