package io.tessera.ticket;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A custom field's value changed. Besides the stable key the payload keeps the label and both values as
 * people read them at that moment: a field can be renamed or its options edited later, and the history
 * should still say what the agent saw.
 */
public record FieldChanged(String key, String label, String from, String to) implements TicketEvent {

    public String type() {
        return "field_changed";
    }

    public Map<String, Object> payload() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("key", key);
        values.put("label", label);
        values.put("from", from);
        values.put("to", to);
        return values;
    }
}
