package io.tessera.automation;

import java.util.List;

import io.tessera.view.ConditionRow;

/** An automation as posted by the API or the builder, before its rows are parsed and checked. */
public record AutomationDraft(String name, String description, Boolean enabled, List<ConditionRow> all,
                              List<ConditionRow> any, List<ActionRow> actions) {

    public AutomationDraft {
        all = all == null ? List.of() : List.copyOf(all);
        any = any == null ? List.of() : List.copyOf(any);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
