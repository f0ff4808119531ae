package io.tessera.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.TicketId;
import io.tessera.ticket.TicketChange.SetField;

/**
 * Custom fields as the rest of the application uses them: the definitions, a ticket type's form, the values
 * of many tickets at once (lists, the API), checking a value before a ticket exists, and SQL conditions for
 * views. Values change only through {@link SetField} in {@link TicketManagement#update}, which also refuses
 * to solve a ticket whose form has an empty "required to solve" field.
 */
@Service
@Transactional(readOnly = true)
public class TicketFields {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final CustomFieldDefinitions definitions;
    private final TicketFieldValues values;

    TicketFields(CustomFieldDefinitions definitions, TicketFieldValues values) {
        this.definitions = definitions;
        this.values = values;
    }

    /** Every field, active or not, in the admin's order. */
    public List<CustomField> definitions() {
        return definitions.all();
    }

    /** The active fields the form of this ticket type shows, in order. */
    public List<CustomField> formOf(String typeKey) {
        return definitions.formOf(typeKey);
    }

    /**
     * The values of these tickets, JSON-friendly, by field key: every field (hidden ones too, values are kept
     * when a ticket changes type) with {@code null} when empty, {@code false} for an unticked checkbox, text
     * as {@code String}, number as {@code Long}, decimal as {@code BigDecimal}, date as an ISO
     * {@code String}, multi-select as a {@code List<String>}. One query per 500 tickets.
     */
    public Map<TicketId, Map<String, Object>> valuesOf(Collection<TicketId> tickets) {
        List<CustomField> fields = definitions.all();
        Map<Long, Map<Long, List<TicketFieldValues.Row>>> rows = values.rows(tickets);
        Map<TicketId, Map<String, Object>> result = new LinkedHashMap<>();
        for (TicketId ticket : tickets) {
            Map<Long, List<TicketFieldValues.Row>> ofTicket = rows.getOrDefault(ticket.value(), Map.of());
            Map<String, Object> byKey = new LinkedHashMap<>();
            for (CustomField field : fields) {
                Object value = TicketFieldValues.value(field, ofTicket.get(field.id()));
                byKey.put(field.key(), value instanceof LocalDate date ? date.toString() : value);
            }
            result.put(ticket, byKey);
        }
        return result;
    }

    /** The values of one ticket, as {@link #valuesOf(Collection)}. */
    public Map<String, Object> valuesOf(TicketId ticket) {
        return valuesOf(List.of(ticket)).get(ticket);
    }

    /**
     * Checks a value for a field without storing it (e.g. before a ticket is created); returns the normalised
     * value or throws {@link InvalidTicketChange} naming {@code customFields.<key>}.
     */
    public Object parse(String key, Object raw) {
        return activeField(key).parse(raw);
    }

    /**
     * What "custom field {@code key} is any of {@code values}" means in stored terms, for view conditions and
     * API filters: the field id, the value keys (text lower-cased, the option as defined, plain digits, ISO
     * date, {@code true} for a ticked checkbox) and whether tickets without a value match ({@code none}, or
     * {@code false} for a checkbox). Deactivated fields still match (tickets keep their values).
     *
     * @throws InvalidTicketChange naming {@code customFields.<key>} for an unknown key or a value the field's
     *         type refuses (message names the field by its label)
     */
    public FieldMatch match(String key, List<String> values) {
        return match(key, values, false);
    }

    /**
     * As {@link #match}, for a condition saved earlier: an option removed from the field since then is kept
     * as it was (tickets may still hold it) instead of refused, so a saved view never stops working.
     */
    public FieldMatch matchSaved(String key, List<String> values) {
        return match(key, values, true);
    }

    private FieldMatch match(String key, List<String> values, boolean saved) {
        CustomField field = definitions.findByKey(key)
                .orElseThrow(() -> new InvalidTicketChange("customFields." + key, "Unknown custom field '" + key + "'."));
        List<String> texts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        boolean none = false;
        for (String value : values) {
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equalsIgnoreCase("none")) {
                none = true;
                texts.add("none");
                continue;
            }
            Object parsed;
            try {
                parsed = field.parse(text);
            } catch (InvalidTicketChange e) {
                if (!(saved && field.type().hasOptions())) {
                    throw e;
                }
                parsed = field.type() == FieldType.MULTISELECT ? List.of(text) : text;
            }
            if (!field.isFilled(parsed)) {
                none = true;
                texts.add(field.type() == FieldType.CHECKBOX ? "false" : "none");
                continue;
            }
            texts.add(parsed instanceof List<?> one ? one.get(0).toString()
                    : parsed instanceof java.math.BigDecimal d ? CustomField.plain(d) : parsed.toString());
            keys.addAll(FieldMatch.keysOf(field.type(), parsed));
        }
        if (texts.isEmpty()) {
            throw new InvalidTicketChange(field.errorField(), "Give at least one value for " + field.label() + ".");
        }
        return new FieldMatch(field.id(), field.key(), field.label(), field.type(),
                texts.stream().distinct().toList(), keys, none);
    }

    /** A SQL condition and its parameters, to be joined into a {@code where} clause with {@code and}. */
    public record FieldCondition(String sql, List<Object> params) {
    }

    /**
     * The condition "custom field {@code key} equals {@code value}" on the ticket whose id is in
     * {@code ticketIdColumn} (e.g. {@code t.id}), answered from the index on (field_id, value_key, ticket_id).
     * Text compares case-insensitively (on its first 255 characters); a multi-select matches when it has every
     * given option; {@code null}, an empty value or an unticked checkbox matches tickets without a value.
     */
    public FieldCondition equalTo(String key, Object value, String ticketIdColumn) {
        if (!COLUMN.matcher(ticketIdColumn).matches()) {
            throw new IllegalArgumentException("Not a column: " + ticketIdColumn);
        }
        CustomField field = definitions.findByKey(key)
                .orElseThrow(() -> new InvalidTicketChange("customFields", "Unknown custom field '" + key + "'."));
        Object parsed = field.parse(value);
        String exists = "exists (select 1 from ticket_field_value fv where fv.field_id = ? and fv.value_key = ? "
                + "and fv.ticket_id = " + ticketIdColumn + ")";
        if (!field.isFilled(parsed)) {
            return new FieldCondition("not exists (select 1 from ticket_field_value fv where fv.field_id = ? "
                    + "and fv.ticket_id = " + ticketIdColumn + ")", List.of(field.id()));
        }
        List<Object> wanted = parsed instanceof List<?> list ? new ArrayList<>(list) : List.of(parsed);
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (Object one : wanted) {
            parts.add(exists);
            params.add(field.id());
            params.add(field.type() == FieldType.CHECKBOX ? "true" : TicketFieldValues.key(field.type(), one));
        }
        return new FieldCondition(parts.size() == 1 ? parts.get(0) : "(" + String.join(" and ", parts) + ")", params);
    }

    /** Applies one {@link SetField} change: checks the value, records the change on the ticket, stores it. */
    @Transactional
    void apply(Ticket ticket, SetField change, Instant at) {
        CustomField field = activeField(change.key());
        Object value = field.parse(change.value());
        Object current = TicketFieldValues.value(field,
                values.rows(List.of(ticket.id())).getOrDefault(ticket.id().value(), Map.of()).get(field.id()));
        String from = field.display(current);
        String to = field.display(value);
        if (Objects.equals(from, to)) {
            return;
        }
        ticket.fieldChanged(new FieldChanged(field.key(), field.label(), from, to), at);
        values.write(ticket.id(), field, value);
    }

    /** Refuses to solve a ticket while a "required to solve" field of its form is empty, naming the fields. */
    void checkSolvable(Ticket ticket) {
        List<CustomField> required = formOf(ticket.type()).stream().filter(CustomField::requiredToSolve).toList();
        if (required.isEmpty()) {
            return;
        }
        Map<Long, List<TicketFieldValues.Row>> rows = values.rows(List.of(ticket.id())).getOrDefault(ticket.id().value(), Map.of());
        List<CustomField> empty = required.stream()
                .filter(f -> !f.isFilled(TicketFieldValues.value(f, rows.get(f.id())))).toList();
        if (!empty.isEmpty()) {
            String names = String.join(", ", empty.stream().map(CustomField::label).toList());
            throw new InvalidTicketChange(empty.get(0).errorField(), (empty.size() == 1 ? names + " is" : names + " are")
                    + " required to solve this ticket: fill " + (empty.size() == 1 ? "it" : "them") + " in first.");
        }
    }

    private CustomField activeField(String key) {
        CustomField field = definitions.findByKey(key)
                .orElseThrow(() -> new InvalidTicketChange("customFields." + key, "Unknown custom field '" + key + "'."));
        if (!field.active()) {
            throw new InvalidTicketChange(field.errorField(), field.label() + " is deactivated and takes no new values.");
        }
        return field;
    }
}
