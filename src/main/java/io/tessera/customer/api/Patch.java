package io.tessera.customer.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tessera.customer.InvalidChange;

/**
 * A JSON merge-patch body read as a map, so that a field left out ("keep it") differs from a field set to
 * {@code null} ("clear it"). Unknown and read-only fields are refused by name rather than ignored: a
 * misspelt field that silently changes nothing is worse than an error.
 */
final class Patch {

    private final Map<String, Object> body;

    private Patch(Map<String, Object> body) {
        this.body = body;
    }

    static Patch of(Map<String, Object> body, Set<String> writable) {
        Map<String, Object> fields = body == null ? Map.of() : body;
        for (String field : fields.keySet()) {
            if (!writable.contains(field)) {
                throw new InvalidChange(field, "Unknown or read-only field " + field + "; writable fields are "
                        + String.join(", ", writable.stream().sorted().toList()) + ".");
            }
        }
        return new Patch(fields);
    }

    boolean has(String field) {
        return body.containsKey(field);
    }

    /** The new text, or {@code current} when the field is left out. */
    String text(String field, String current) {
        if (!has(field)) {
            return current;
        }
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidChange(field, field + " must be a string or null.");
        }
        return (String) value;
    }

    /** The new id, or {@code current} when the field is left out. */
    Long id(String field, Long current) {
        if (!has(field)) {
            return current;
        }
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new InvalidChange(field, field + " must be a whole number or null.");
    }

    /** The new list of strings, or {@code current} when the field is left out; {@code null} means empty. */
    List<String> texts(String field, List<String> current) {
        if (!has(field)) {
            return current;
        }
        Object value = body.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidChange(field, field + " must be a list of strings.");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new InvalidChange(field, field + " must be a list of strings.");
            }
            texts.add(text);
        }
        return texts;
    }
}
