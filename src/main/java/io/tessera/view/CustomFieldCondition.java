package io.tessera.view;

import java.util.List;

import io.tessera.ticket.FieldMatch;
import io.tessera.ticket.InvalidTicketChange;
import io.tessera.ticket.Ticket;

/**
 * A custom field ({@code field:<key>}) is / is not any of some values; {@code none} means "no value" (an
 * unticked checkbox has none, so {@code false} is "no value" too); a multi-select matches when it has any of
 * the options. Compiled to {@code exists} over {@code ticket_field_value}, which its index
 * {@code (field_id, value_key, ticket_id)} answers without reading tickets; {@code exists} is never null,
 * so "is not" is plainly its negation and includes tickets without a value, like the other fields.
 */
public record CustomFieldCondition(Operator operator, FieldMatch match) implements Condition {

    static final String PREFIX = "field:";

    public CustomFieldCondition {
        Membership.negates(PREFIX + match.key(), operator);
        Values.require(PREFIX + match.key(), match.none() || !match.valueKeys().isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Object value = perspective.fieldValues(ticket).get(match.key());
        return negated() != match.matches(value);
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        sql.append(negated() ? "not (" : "(");
        String separator = "";
        if (!match.valueKeys().isEmpty()) {
            sql.append("exists (select 1 from ticket_field_value fv where fv.ticket_id = t.id and fv.field_id = ")
                    .bind(match.fieldId()).append(" and ").in("fv.value_key", match.valueKeys()).append(")");
            separator = " or ";
        }
        if (match.none()) {
            sql.append(separator).append("not exists (select 1 from ticket_field_value fv where fv.ticket_id = t.id "
                    + "and fv.field_id = ").bind(match.fieldId()).append(")");
        }
        sql.append(")");
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of(PREFIX + match.key(), operator, match.values());
    }

    private boolean negated() {
        return Membership.negates(PREFIX + match.key(), operator);
    }

    static CustomFieldCondition parse(String field, Operator operator, List<String> values, FieldResolver fields) {
        String key = field.substring(PREFIX.length()).strip();
        Membership.negates(field, operator);
        Values.require(field, !values.isEmpty());
        try {
            return new CustomFieldCondition(operator, fields.match(key, values));
        } catch (InvalidTicketChange e) {
            throw new InvalidView(field, e.getMessage());
        }
    }
}
