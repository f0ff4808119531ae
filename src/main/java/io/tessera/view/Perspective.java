package io.tessera.view;

import java.time.Instant;
import java.util.Set;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * Who looks and when: what "me", "my teams" and "7 days ago" mean when a condition is compiled or
 * evaluated. Not the visibility rule — that is {@link io.tessera.ticket.Visibility}, applied on top.
 */
public record Perspective(AgentId me, Set<TeamId> myTeams, Instant now) {

    public Perspective {
        myTeams = Set.copyOf(myTeams);
    }
}
