package io.tessera.view;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.tessera.ticket.Ticket;

/** A fixed point in time: "created after 2026-11-01T00:00:00Z" (strictly after / strictly before). */
public record TimeCondition(TimeField field, Operator operator, Instant at) implements Condition {

    public TimeCondition {
        if (operator != Operator.AFTER && operator != Operator.BEFORE) {
            throw new InvalidView(field.key(), "Use after or before with a time.");
        }
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Instant value = field.of(ticket);
        return value != null && (operator == Operator.AFTER ? value.isAfter(at) : value.isBefore(at));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        sql.append(field.column()).append(operator == Operator.AFTER ? " > " : " < ").bind(at.atOffset(ZoneOffset.UTC));
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of(field.key(), operator, List.of(at.toString()));
    }

    static TimeCondition parse(TimeField field, Operator operator, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidView(field.key(), "Give one time such as 2026-11-01T00:00:00Z.");
        }
        return new TimeCondition(field, operator, instant(field.key(), values.get(0)));
    }

    /** An ISO-8601 instant, or a date meaning its start in UTC. */
    static Instant instant(String field, String value) {
        String text = value.strip();
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidView(field, "'" + text + "' is not a time: use ISO-8601 such as 2026-11-01T00:00:00Z or 2026-11-01.");
        }
    }
}
