package io.tessera.automation.canned;

import java.time.Instant;

import io.tessera.shared.AgentId;

/** A canned response as stored. {@code owner} null: shared with every agent; set: that agent's own. */
public record CannedResponse(long id, String title, String shortcode, String body, AgentId owner, Instant createdAt,
                             Instant updatedAt) {

    public boolean isShared() {
        return owner == null;
    }

    public boolean isOwnedBy(AgentId agent) {
        return owner != null && owner.equals(agent);
    }
}
