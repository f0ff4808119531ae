package io.tessera.view;

import java.util.List;
import java.util.Set;

import io.tessera.ticket.Ticket;
import io.tessera.ticket.TicketStatus;

/** The status category: is / is not / any of / none of / less than / greater than (in category order). */
public record StatusCondition(Operator operator, Set<TicketStatus> values) implements Condition {

    public StatusCondition {
        values = Set.copyOf(values);
        Ordered.select("status", operator, values, TicketStatus.class);
    }

    Set<TicketStatus> selected() {
        return Ordered.select("status", operator, values, TicketStatus.class);
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        return selected().contains(ticket.status());
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.status", selected().stream().map(Enum::name).toList(), false, false);
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("status", operator, values.stream().sorted().map(TicketStatus::key).toList());
    }

    static StatusCondition parse(Operator operator, List<String> values) {
        return new StatusCondition(operator, Values.each("status", values, TicketStatus::fromKey));
    }
}
