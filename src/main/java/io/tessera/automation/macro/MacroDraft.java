package io.tessera.automation.macro;

import java.util.List;

import io.tessera.automation.ActionRow;

/**
 * What an agent asks to save, before it is checked: {@code shared} false makes it the agent's own;
 * {@code position} null keeps the current place (or puts a new macro last).
 */
public record MacroDraft(String name, String description, boolean shared, List<ActionRow> actions, Integer position) {

    public MacroDraft {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }
}
