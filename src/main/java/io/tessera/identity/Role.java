package io.tessera.identity;

import java.util.List;

/**
 * What an agent may do. Each role includes the ones below it: an admin is also a supervisor and an agent,
 * so checks say the least role they need ({@code hasRole("AGENT")}).
 */
public enum Role {
    AGENT("Agent"),
    SUPERVISOR("Supervisor"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Spring Security authorities: this role and every role it includes. */
    public List<String> authorities() {
        return java.util.Arrays.stream(values())
                .filter(r -> r.ordinal() <= ordinal())
                .map(r -> "ROLE_" + r.name())
                .toList();
    }
}
