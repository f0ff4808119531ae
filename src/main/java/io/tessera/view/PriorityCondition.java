package io.tessera.view;

import java.util.List;
import java.util.Set;

import io.tessera.ticket.Priority;
import io.tessera.ticket.Ticket;

/** The priority: is / is not / any of / none of / less than / greater than (low … urgent). */
public record PriorityCondition(Operator operator, Set<Priority> values) implements Condition {

    public PriorityCondition {
        values = Set.copyOf(values);
        Ordered.select("priority", operator, values, Priority.class);
    }

    Set<Priority> selected() {
        return Ordered.select("priority", operator, values, Priority.class);
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        return selected().contains(ticket.priority());
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.priority", selected().stream().map(Enum::name).toList(), false, false);
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("priority", operator, values.stream().sorted().map(Priority::key).toList());
    }

    static PriorityCondition parse(Operator operator, List<String> values) {
        return new PriorityCondition(operator, Values.each("priority", values, Priority::fromKey));
    }
}
