package io.tessera.automation;

import java.util.List;

/**
 * An action as text: how it is stored (JSON), posted by the builder and sent by the API, e.g.
 * {@code {"type":"add_tags","values":["vip"]}}. {@link ActionType#parse} turns it into a {@link RuleAction}.
 */
public record ActionRow(String type, List<String> values) {

    public ActionRow {
        values = values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }
}
