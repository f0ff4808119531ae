package io.tessera.routing.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tessera.routing.InvalidRouting;

/**
 * A JSON object read as a map, so that a field left out ("keep it") differs from one set to {@code null}
 * ("clear it"), with refusals that name the field (prefixed for nested objects: {@code shift.zone}).
 * Unknown fields are refused rather than ignored: a misspelt {@code capcity} that silently changes nothing
 * is worse than an error.
 */
final class JsonFields {

    private final Map<String, Object> body;
    private final String prefix;

    private JsonFields(Map<String, Object> body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    static JsonFields of(Map<String, Object> body, Set<String> known) {
        return of(body, known, "");
    }

    private static JsonFields of(Map<String, Object> body, Set<String> known, String prefix) {
        Map<String, Object> fields = body == null ? Map.of() : body;
        for (String field : fields.keySet()) {
            if (!known.contains(field)) {
                throw new InvalidRouting(prefix + field, "Unknown field " + prefix + field + "; the fields are "
                        + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
        return new JsonFields(fields, prefix);
    }

    boolean has(String field) {
        return body.containsKey(field);
    }

    /** The text of a field that may be left out or null. */
    String text(String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw invalid(field, "must be a string.");
        }
        return (String) value;
    }

    /** A whole number, or {@code null}. */
    Integer integer(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer number)) {
            throw invalid(field, "must be a whole number or null.");
        }
        return number;
    }

    /** A list of strings, or {@code null}. */
    List<String> texts(String field) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw invalid(field, "must be a list of strings.");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A nested object, or {@code null}; its own fields are named {@code field.inner}. */
    @SuppressWarnings("unchecked")
    JsonFields object(String field, Set<String> known) {
        Object value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid(field, "must be an object.");
        }
        return of((Map<String, Object>) map, known, prefix + field + ".");
    }

    private InvalidRouting invalid(String field, String message) {
        return new InvalidRouting(prefix + field, prefix + field + " " + message);
    }
}
