package io.tessera.automation;

import java.util.List;
import java.util.Set;

import io.tessera.view.ConditionRow;

/** A trigger as posted by the API or the builder, before its rows are parsed and checked. */
public record TriggerDraft(String name, String description, Boolean enabled, List<String> events,
                           List<ConditionRow> all, List<ConditionRow> any, List<ActionRow> actions) {

    public TriggerDraft {
        events = events == null ? List.of() : List.copyOf(events);
        all = all == null ? List.of() : List.copyOf(all);
        any = any == null ? List.of() : List.copyOf(any);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    Set<TriggerEvent> parsedEvents() {
        if (events.isEmpty()) {
            throw new InvalidRule("events", "Choose when the trigger runs: created, updated, customer_replied or agent_replied.");
        }
        return Set.copyOf(events.stream().map(TriggerEvent::fromKey).toList());
    }
}
