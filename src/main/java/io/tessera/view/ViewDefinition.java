package io.tessera.view;

import java.util.List;

import io.tessera.ticket.TicketOrder;

/** What a view shows: which tickets (conditions), in which order, with which columns. */
public record ViewDefinition(Conditions conditions, TicketOrder order, List<Column> columns) {

    public ViewDefinition {
        if (columns == null || columns.isEmpty()) {
            throw new InvalidView("columns", "Choose at least one column.");
        }
        // Always in the canonical column order, whatever order they were ticked in.
        columns = columns.stream().distinct().sorted().toList();
    }

    public boolean shows(Column column) {
        return columns.contains(column);
    }
}
