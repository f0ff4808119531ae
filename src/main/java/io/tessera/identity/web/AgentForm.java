package io.tessera.identity.web;

import java.util.List;

import io.tessera.identity.Role;

/** The create/edit agent form as typed; kept as typed when the form is shown again with errors. */
record AgentForm(String email, String name, Role role, List<Long> teamIds, String password) {

    static AgentForm empty() {
        return new AgentForm("", "", Role.AGENT, List.of(), "");
    }

    public List<Long> teamIdsOrEmpty() {
        return teamIds == null ? List.of() : teamIds;
    }
}
