package io.tessera.view;

import java.util.List;
import java.util.Locale;

import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketFilter;

/**
 * A view's conditions, grouped as in other help desks: a ticket matches when it meets <em>all</em> of
 * the first group and, if the second group is not empty, <em>any</em> of it.
 */
public record Conditions(List<Condition> all, List<Condition> any) {

    public static final Conditions NONE = new Conditions(List.of(), List.of());

    public Conditions {
        all = List.copyOf(all);
        any = List.copyOf(any);
    }

    public boolean matches(Ticket ticket, Perspective perspective) {
        return all.stream().allMatch(c -> c.matches(ticket, perspective))
                && (any.isEmpty() || any.stream().anyMatch(c -> c.matches(ticket, perspective)));
    }

    /** The conditions as SQL over the ticket {@code t}: {@code and (…) and ((…) or (…))}. */
    public TicketFilter toFilter(Perspective perspective) {
        return (text, params) -> {
            SqlWriter sql = new SqlWriter(text, params);
            for (Condition condition : all) {
                sql.append("and (");
                condition.toSql(sql, perspective);
                sql.append(") ");
            }
            if (!any.isEmpty()) {
                String separator = "and ((";
                for (Condition condition : any) {
                    sql.append(separator);
                    condition.toSql(sql, perspective);
                    separator = ") or (";
                }
                sql.append(")) ");
            }
        };
    }

    public List<ConditionRow> allRows() {
        return all.stream().map(Condition::row).toList();
    }

    public List<ConditionRow> anyRows() {
        return any.stream().map(Condition::row).toList();
    }

    /** Rows without custom-field conditions (those need a {@link FieldResolver}). */
    public static Conditions parse(List<ConditionRow> all, List<ConditionRow> any) {
        return parse(all, any, FieldResolver.NONE);
    }

    public static Conditions parse(List<ConditionRow> all, List<ConditionRow> any, FieldResolver fields) {
        return new Conditions(all.stream().map(r -> parse(r, fields)).toList(), any.stream().map(r -> parse(r, fields)).toList());
    }

    public static Condition parse(ConditionRow row) {
        return parse(row, FieldResolver.NONE);
    }

    /**
     * One row as a typed condition; the field names are those of docs/views.md and the API's filters.
     * {@code field:<key>} rows are custom fields, resolved here through {@code fields} (see {@link FieldResolver}).
     */
    public static Condition parse(ConditionRow row, FieldResolver fields) {
        String field = row.field() == null ? "" : row.field().strip().toLowerCase(Locale.ROOT);
        Operator operator = Operator.fromKey(field, row.operator());
        List<String> values = row.values().stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (field.startsWith(CustomFieldCondition.PREFIX)) {
            return CustomFieldCondition.parse(field, operator, values, fields);
        }
        switch (field) {
            case "status": return StatusCondition.parse(operator, values);
            case "priority": return PriorityCondition.parse(operator, values);
            case "type": return TypeCondition.parse(operator, values);
            case "channel": return ChannelCondition.parse(operator, values);
            case "team": return TeamCondition.parse(operator, values);
            case "assignee": return AssigneeCondition.parse(operator, values);
            case "requester": return RequesterCondition.parse(operator, values);
            case "organization": return OrganizationCondition.parse(operator, values);
            case "tags": return TagsCondition.parse(operator, values);
            case "subject": return SubjectCondition.parse(operator, values);
            case "tier": return TierCondition.parse(operator, values);
            case "language": return LanguageCondition.parse(operator, values);
            case "sla": return SlaCondition.parse(operator, values);
            case "business_hours": return BusinessHoursCondition.parse(operator, values);
            case "created", "updated", "solved", "status_changed": {
                TimeField time = TimeField.valueOf(field.toUpperCase(Locale.ROOT));
                return operator == Operator.AFTER || operator == Operator.BEFORE
                        ? TimeCondition.parse(time, operator, values) : AgeCondition.parse(time, operator, values);
            }
            default:
                throw new InvalidView(field.isEmpty() ? "field" : field, "Unknown condition field '" + row.field() + "'.");
        }
    }
}
