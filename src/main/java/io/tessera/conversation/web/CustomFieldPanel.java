package io.tessera.conversation.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import io.tessera.ticket.CustomField;
import io.tessera.ticket.FieldType;
import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketChange;
import io.tessera.ticket.TicketFields;

/**
 * The custom fields in the ticket page's side panel and on the new-ticket page (fragment
 * {@code conversation/custom-fields :: panel}). Each field posts as {@code cf.<key>}; a hidden
 * {@code cf-shown} names every field the page showed, so an unticked checkbox or an emptied multi-select
 * (which post nothing) clears the value, and fields the page did not show are left alone.
 */
@Component
class CustomFieldPanel {

    static final String MODEL = "customFieldInputs";

    private final TicketFields fields;

    CustomFieldPanel(TicketFields fields) {
        this.fields = fields;
    }

    /** One field as the fragment renders it: what it is, its value as text or chosen options, its error. */
    public record Input(String key, String label, String description, String type, boolean required,
                        List<String> options, String text, List<String> chosen, String error) {
        public String name() {
            return "cf." + key;
        }

        public String id() {
            return "cf-" + key;
        }

        public boolean checked() {
            return chosen.contains("true");
        }

        public boolean isChosen(String option) {
            return chosen.contains(option);
        }
    }

    /** The fields of the ticket's form with their stored values, unless the page already shows typed ones. */
    void show(Model model, Ticket ticket) {
        if (model.containsAttribute(MODEL)) {
            return;
        }
        Map<String, Object> values = fields.valuesOf(ticket.id());
        addInputs(model, fields.formOf(ticket.type()).stream()
                .map(f -> input(f, asTexts(values.get(f.key())), errors(model))).toList());
    }

    /** The fields of a type's form, with what was typed (none yet when {@code params} is empty). */
    void showTyped(Model model, String typeKey, MultiValueMap<String, String> params) {
        addInputs(model, fields.formOf(typeKey).stream()
                .map(f -> input(f, typed(params, f.key()), errors(model))).toList());
    }

    /** Shows the fields the page had, as typed: after a refused submit nothing the agent entered is lost. */
    void keepTyped(Model model, MultiValueMap<String, String> params) {
        List<String> shown = Optional.ofNullable(params.get("cf-shown")).orElse(List.of());
        List<Input> inputs = new ArrayList<>();
        for (String key : shown) {
            fields.definitions().stream().filter(f -> f.key().equals(key)).findFirst()
                    .ifPresent(f -> inputs.add(input(f, typed(params, key), errors(model))));
        }
        addInputs(model, inputs);
    }

    /**
     * The inputs, and an error about a custom field the page does not show (a required field of the form of
     * a type chosen in the same submit): it still needs saying.
     */
    private static void addInputs(Model model, List<Input> inputs) {
        model.addAttribute(MODEL, inputs);
        errors(model).entrySet().stream()
                .filter(e -> e.getKey().startsWith("customFields"))
                .filter(e -> inputs.stream().noneMatch(i -> e.getKey().equals("customFields." + i.key())))
                .findFirst().ifPresent(e -> model.addAttribute("customFieldError", e.getValue()));
    }

    /** A {@link TicketChange.SetField} for every field the page showed; unchanged ones change nothing. */
    List<TicketChange> changes(MultiValueMap<String, String> params) {
        List<TicketChange> changes = new ArrayList<>();
        for (String key : Optional.ofNullable(params.get("cf-shown")).orElse(List.of())) {
            changes.add(new TicketChange.SetField(key, typed(params, key)));
        }
        return changes;
    }

    /** Checks every value against its field (before a ticket exists); throws naming the first bad field. */
    void check(List<TicketChange> changes) {
        for (TicketChange change : changes) {
            TicketChange.SetField set = (TicketChange.SetField) change;
            fields.parse(set.key(), set.value());
        }
    }

    private static List<String> typed(MultiValueMap<String, String> params, String key) {
        return Optional.ofNullable(params.get("cf." + key)).orElse(List.of());
    }

    private static Input input(CustomField field, List<String> values, Map<String, String> errors) {
        String text = field.type() == FieldType.MULTISELECT || values.isEmpty() ? "" : values.get(0);
        return new Input(field.key(), field.label(), field.description(), field.type().name(), field.requiredToSolve(),
                field.options(), text, values, errors.get(field.errorField()));
    }

    private static List<String> asTexts(Object value) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return List.of();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Object::toString).toList();
        }
        if (value instanceof BigDecimal d) {
            return List.of(d.toPlainString());
        }
        return List.of(value.toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> errors(Model model) {
        Object errors = model.getAttribute("fieldErrors");
        return errors instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
