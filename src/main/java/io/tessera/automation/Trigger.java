package io.tessera.automation;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.tessera.view.Conditions;

/**
 * A trigger: on the given events, when the ticket meets the conditions, take the actions — in the ticket's
 * transaction, in {@code position} order. {@code lastError} is what went wrong the last time it could not
 * act (an assignee no longer in the team, say), shown to admins; the change that woke it is kept all the same.
 */
public record Trigger(long id, String name, String description, boolean enabled, int position, Set<TriggerEvent> events,
                      Conditions conditions, List<RuleAction> actions, String lastError, Instant lastErrorAt,
                      Instant createdAt, Instant updatedAt) {

    public Trigger {
        events = Set.copyOf(events);
        actions = List.copyOf(actions);
    }
}
