package io.tessera.view.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import io.tessera.ticket.TicketFields;
import io.tessera.ticket.TicketOrder;
import io.tessera.ticket.TicketSort;
import io.tessera.view.Column;
import io.tessera.view.ConditionRow;
import io.tessera.view.Conditions;
import io.tessera.view.ViewDefinition;
import tools.jackson.databind.ObjectMapper;

/**
 * A view's definition as stored JSON text: condition rows (the same shape the builder posts and the API
 * takes as filters), the sort key and direction, and column keys. Reading parses the rows into typed
 * conditions, so a stored view is checked by the same rules as a new one — except that a custom-field
 * option removed since the view was saved is kept ({@link TicketFields#matchSaved}), so no admin change to a
 * field can make a saved view unreadable.
 */
@Component
class DefinitionJson {

    record Stored(List<ConditionRow> all, List<ConditionRow> any, String sort, boolean descending, List<String> columns) {
    }

    private final ObjectMapper json;
    private final TicketFields fields;

    DefinitionJson(ObjectMapper json, TicketFields fields) {
        this.json = json;
        this.fields = fields;
    }

    String write(ViewDefinition definition) {
        return json.writeValueAsString(new Stored(definition.conditions().allRows(), definition.conditions().anyRows(),
                definition.order().sort().key(), definition.order().descending(),
                definition.columns().stream().map(Column::key).toList()));
    }

    ViewDefinition read(String text) {
        Stored stored = json.readValue(text, Stored.class);
        return new ViewDefinition(
                Conditions.parse(stored.all() == null ? List.of() : stored.all(), stored.any() == null ? List.of() : stored.any(),
                        fields::matchSaved),
                new TicketOrder(TicketSort.fromKey(stored.sort()), stored.descending()),
                stored.columns().stream().map(Column::fromKey).toList());
    }
}
