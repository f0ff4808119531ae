package io.tessera.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Custom field {@code key} is one of these values (or has none)", resolved by {@link TicketFields#match}
 * with the field's own rules: {@code fieldId} and the {@code value_key}s to look up in
 * {@code ticket_field_value}'s index (field_id, value_key, ticket_id), whether tickets without a value count
 * ({@code none}: asked for, or an unticked checkbox), and {@code values} as people write them again (the
 * option as defined, the number in plain digits, …). {@link #matches} answers the same question for a value
 * as {@link TicketFields#valuesOf} gives it, so SQL and memory agree.
 */
public record FieldMatch(long fieldId, String key, String label, FieldType type, List<String> values,
                         List<String> valueKeys, boolean none) {

    public FieldMatch {
        values = List.copyOf(values);
        valueKeys = List.copyOf(new TreeSet<>(valueKeys));
    }

    /** Whether a value (as in {@link TicketFields#valuesOf}) is one of the wanted ones, or empty when none is. */
    public boolean matches(Object value) {
        Set<String> keys = keysOf(type, value);
        return keys.isEmpty() ? none : keys.stream().anyMatch(valueKeys::contains);
    }

    /** The {@code value_key}s stored for a value: none for empty or an unticked checkbox, one per option. */
    static Set<String> keysOf(FieldType type, Object value) {
        Set<String> keys = new TreeSet<>();
        if (value == null || Boolean.FALSE.equals(value)) {
            return keys;
        }
        if (value instanceof Collection<?> options) {
            options.forEach(o -> keys.add(TicketFieldValues.key(type, o)));
        } else {
            keys.add(TicketFieldValues.key(type, value));
        }
        return keys;
    }
}
