package io.tessera.view.web;

import java.util.List;

import io.tessera.shared.TeamId;
import io.tessera.ticket.TicketOrder;
import io.tessera.ticket.TicketSort;
import io.tessera.view.Column;
import io.tessera.view.ConditionBuilder.Row;
import io.tessera.view.Conditions;
import io.tessera.view.FieldResolver;
import io.tessera.view.InvalidView;
import io.tessera.view.View;
import io.tessera.view.ViewDefinition;
import io.tessera.view.ViewDraft;

import static io.tessera.view.ConditionBuilder.conditionRows;
import static io.tessera.view.ConditionBuilder.padded;
import static io.tessera.view.ConditionBuilder.rows;

/**
 * The condition builder: name, who sees the view, sort, columns and two groups of rows (field, operator,
 * value; several values separated by commas). Rows without a field are ignored, so the form can always
 * offer a few empty ones.
 */
record ViewForm(String name, String scope, Long teamId, String sort, String direction, List<String> columns,
                List<Row> all, List<Row> any) {

    static ViewForm blank() {
        return new ViewForm("", "personal", null, "updated", "desc",
                Column.DEFAULT.stream().map(Column::key).toList(), padded(List.of()), padded(List.of()));
    }

    static ViewForm of(View view) {
        ViewDefinition d = view.definition();
        return new ViewForm(view.name(), view.isPersonal() ? "personal" : "shared",
                view.team() == null ? null : view.team().value(), d.order().sort().key(),
                d.order().descending() ? "desc" : "asc", d.columns().stream().map(Column::key).toList(),
                padded(rows(d.conditions().allRows())), padded(rows(d.conditions().anyRows())));
    }

    ViewDraft draft(FieldResolver fields) {
        TicketSort order;
        try {
            order = TicketSort.fromKey(sort);
        } catch (IllegalArgumentException e) {
            throw new InvalidView("sort", e.getMessage());
        }
        List<Column> chosen = columns == null ? List.of() : columns.stream().map(Column::fromKey).toList();
        ViewDefinition definition = new ViewDefinition(Conditions.parse(conditionRows(all), conditionRows(any), fields),
                new TicketOrder(order, !"asc".equals(direction)), chosen);
        return new ViewDraft(name, "shared".equals(scope), teamId == null ? null : TeamId.of(teamId), definition);
    }

    /** The form again with the rows it had, plus blank ones to add more. */
    ViewForm withBlankRows() {
        return new ViewForm(name, scope, teamId, sort, direction, columns == null ? List.of() : columns,
                padded(all), padded(any));
    }

    public boolean hasColumn(String key) {
        return columns != null && columns.contains(key);
    }
}
