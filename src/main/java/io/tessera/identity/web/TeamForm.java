package io.tessera.identity.web;

import java.util.List;

/** The create/edit team form as typed. */
record TeamForm(String name, String description, List<Long> memberIds) {

    static TeamForm empty() {
        return new TeamForm("", "", List.of());
    }

    public List<Long> memberIdsOrEmpty() {
        return memberIds == null ? List.of() : memberIds;
    }
}
