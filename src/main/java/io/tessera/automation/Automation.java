package io.tessera.automation;

import java.time.Instant;
import java.util.List;

import io.tessera.view.Conditions;

/**
 * A time-based automation: every few minutes, on every ticket that meets the conditions now (typically an
 * age: "solved more than 4 days ago"), take the actions — once per ticket until the ticket changes again.
 * {@code lastRunAt} and {@code lastRunTickets} say when it last ran and on how many tickets it acted.
 */
public record Automation(long id, String name, String description, boolean enabled, int position, Conditions conditions,
                         List<RuleAction> actions, String lastError, Instant lastErrorAt, Instant lastRunAt,
                         Integer lastRunTickets, Instant createdAt, Instant updatedAt) {

    public Automation {
        actions = List.copyOf(actions);
    }
}
