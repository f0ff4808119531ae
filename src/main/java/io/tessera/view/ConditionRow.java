package io.tessera.view;

import java.util.List;

/**
 * A condition as text: how it is stored (JSON), posted by the condition builder and given as API filters,
 * e.g. {@code {"field":"assignee","operator":"is","values":["me"]}}. {@link Conditions#parse} turns rows
 * into typed conditions; each condition's {@link Condition#row()} turns it back.
 */
public record ConditionRow(String field, String operator, List<String> values) {

    public ConditionRow {
        values = values == null ? List.of() : List.copyOf(values);
    }

    public static ConditionRow of(String field, Operator operator, List<String> values) {
        return new ConditionRow(field, operator.key(), values);
    }

    /** The values as one text, as the builder's value field shows them. */
    public String valueText() {
        return String.join(", ", values);
    }
}
