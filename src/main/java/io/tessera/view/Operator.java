package io.tessera.view;

import java.util.Locale;

/**
 * How a condition compares. Which operators a field takes is the condition's business (status and
 * priority are ordered, tags are sets, times have ages and dates); the key is what JSON and forms use.
 */
public enum Operator {
    IS("is"), IS_NOT("is not"), IN("is any of"), NOT_IN("is none of"),
    LESS_THAN("less than"), GREATER_THAN("greater than"),
    HAS_ANY("has any of"), HAS_ALL("has all of"), HAS_NONE("has none of"),
    AFTER("after"), BEFORE("before");

    private final String label;

    Operator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the operator excludes what it names (is not, none of). */
    boolean negative() {
        return this == IS_NOT || this == NOT_IN || this == HAS_NONE;
    }

    static Operator fromKey(String field, String key) {
        for (Operator operator : values()) {
            if (operator.key().equalsIgnoreCase(key == null ? "" : key.strip().replace(' ', '_'))) {
                return operator;
            }
        }
        throw new InvalidView(field, "Unknown operator '" + key + "'.");
    }
}
