package io.tessera.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoleTests {

    @Test
    void eachRoleIncludesTheOnesBelowIt() {
        assertThat(Role.ADMIN.authorities()).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_SUPERVISOR", "ROLE_AGENT");
        assertThat(Role.SUPERVISOR.authorities()).containsExactlyInAnyOrder("ROLE_SUPERVISOR", "ROLE_AGENT");
        assertThat(Role.AGENT.authorities()).containsExactly("ROLE_AGENT");
    }
}
