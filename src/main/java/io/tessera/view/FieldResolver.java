package io.tessera.view;

import java.util.List;

import io.tessera.ticket.FieldMatch;
import io.tessera.ticket.TicketFields;

/**
 * Turns a custom-field condition's key and values into stored terms ({@link FieldMatch}), by the ticket
 * module's rules: {@link TicketFields#match} for what people type (builder, API filters),
 * {@link TicketFields#matchSaved} for stored views.
 *
 * <p>Why at parse time: a condition is parsed once (when posted, or when a view is read) and then compiled
 * and evaluated many times; resolving here keeps {@link Condition#toSql} and {@link Condition#matches} pure,
 * and reports an unknown key or a refused value where every other refusal is reported, as an
 * {@link InvalidView} naming the row ({@code field:<key>}) or the API parameter.
 */
@FunctionalInterface
public interface FieldResolver {

    /** For callers that have no custom fields to offer (unit tests, built-in definitions): refuses them. */
    FieldResolver NONE = (key, values) -> {
        throw new InvalidView("field:" + key, "Custom-field conditions are not available here.");
    };

    FieldMatch match(String key, List<String> values);
}
