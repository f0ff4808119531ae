package io.tessera.conversation.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.tessera.shared.ControlCharacters;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Tags;

/**
 * A request body read as a map, so that a field left out ("keep it") differs from a field set to
 * {@code null} ("clear it"), and so that unknown fields are refused by name rather than ignored: a
 * misspelt field that silently changes nothing is worse than an error. Values may also be strings (the
 * text parts of a multipart request): {@code "12"} is an id, {@code "billing vip"} a list of tags.
 */
final class RequestFields {

    /** The fields that are text with lines (a message); every other text field is one line. */
    private static final Set<String> MULTI_LINE = Set.of("body", "html");

    private final Map<String, Object> body;
    private final String prefix;

    private RequestFields(Map<String, Object> body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    static RequestFields of(Map<String, ?> body, Set<String> known) {
        return of(body, known, "");
    }

    private static RequestFields of(Map<String, ?> body, Set<String> known, String prefix) {
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = body == null ? Map.of() : (Map<String, Object>) body;
        List<InvalidRequest.FieldError> unknown = new ArrayList<>();
        for (String field : fields.keySet()) {
            if (!known.contains(field)) {
                unknown.add(new InvalidRequest.FieldError(prefix + field, "Unknown field " + prefix + field
                        + "; the fields are " + String.join(", ", known.stream().sorted().toList()) + "."));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequest(unknown);
        }
        return new RequestFields(fields, prefix);
    }

    boolean has(String field) {
        return body.containsKey(field);
    }

    String name(String field) {
        return prefix + field;
    }

    /**
     * The text, or {@code null} when left out or null. Control characters are refused here, for every text
     * field of the ticket API at once ({@link ControlCharacters}): line breaks only in a body.
     */
    String text(String field) {
        Object value = body.get(field);
        if (value != null && !(value instanceof String)) {
            throw new InvalidRequest(name(field), name(field) + " must be a string.");
        }
        String text = (String) value;
        String refusal = MULTI_LINE.contains(field) ? ControlCharacters.inText(name(field), text)
                : ControlCharacters.inLine(name(field), text);
        if (refusal != null) {
            throw new InvalidRequest(name(field), refusal);
        }
        return text;
    }

    /**
     * An id: a number, a numeric string, or an object with an {@code id} (as responses show a team or an
     * assignee, so a client may send back what it read). {@code null} or an empty string mean none.
     */
    Long id(String field) {
        Object value = body.get(field);
        if (value instanceof Map<?, ?> ref && ref.containsKey("id")) {
            value = ref.get("id");
        }
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof String s && s.strip().matches("\\d{1,18}")) {
            return Long.parseLong(s.strip());
        }
        throw new InvalidRequest(name(field), name(field) + " must be an id (a whole number) or null.");
    }

    /** A whole number, or {@code null} when left out. */
    Integer integer(String field) {
        Long value = id(field);
        if (value != null && value > Integer.MAX_VALUE) {
            throw new InvalidRequest(name(field), name(field) + " is too large.");
        }
        return value == null ? null : value.intValue();
    }

    /** Tags as a JSON array of strings or one string of words ("billing vip"); normalised, so "VIP" is {@code vip}. */
    Set<String> tags(String field) {
        Object value = body.get(field);
        try {
            if (value == null) {
                return Set.of();
            }
            if (value instanceof String s) {
                return Tags.parse(s);
            }
            if (value instanceof Collection<?> list && list.stream().allMatch(String.class::isInstance)) {
                return Tags.normalize(list.stream().map(String.class::cast).toList());
            }
        } catch (InvalidTicketChange e) {
            throw new InvalidRequest(name(field), e.getMessage());
        }
        throw new InvalidRequest(name(field), name(field) + " must be a list of strings.");
    }

    /** A nested object with its own known fields; errors name its fields as {@code field.inner}. */
    RequestFields object(String field, Set<String> known) {
        Object value = body.get(field);
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidRequest(name(field), name(field) + " must be an object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) map;
        return of(inner, known, name(field) + ".");
    }

    /** An object's raw entries (custom field values), or an empty map. */
    Map<String, Object> map(String field) {
        Object value = body.get(field);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidRequest(name(field), name(field) + " must be an object.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> entries = (Map<String, Object>) map;
        entries.forEach((key, entry) -> {
            // Values are checked by their field's type later; a text value may have lines, never a NUL.
            String refusal = entry instanceof String text ? ControlCharacters.inText(name(field) + "." + key, text) : null;
            if (refusal != null) {
                throw new InvalidRequest(name(field) + "." + key, refusal);
            }
        });
        return entries;
    }
}
