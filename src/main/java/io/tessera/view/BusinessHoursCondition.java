package io.tessera.view;

import java.util.List;

import io.tessera.ticket.Ticket;

/**
 * "Business hours now": {@code is} a calendar id — the calendar is open at the perspective's now (a trigger
 * that answers differently out of hours) — or {@code is not} (closed now). The same for every ticket, so in
 * SQL it is a constant: {@code 1 = 1} or {@code 1 = 0}.
 */
public record BusinessHoursCondition(Operator operator, long calendarId) implements Condition {

    public BusinessHoursCondition {
        if (operator != Operator.IS && operator != Operator.IS_NOT) {
            throw new InvalidView("business_hours", "Use is (open now) or is not (closed now) with a calendar id.");
        }
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        return perspective.open(calendarId) == (operator == Operator.IS);
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        sql.append(perspective.open(calendarId) == (operator == Operator.IS) ? "1 = 1" : "1 = 0");
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("business_hours", operator, List.of(String.valueOf(calendarId)));
    }

    static BusinessHoursCondition parse(Operator operator, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidView("business_hours", "Give one business-hours calendar id.");
        }
        return new BusinessHoursCondition(operator, Values.id("business_hours", values.get(0)));
    }
}
