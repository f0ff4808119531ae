package io.tessera.view;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.shared.CustomerId;
import io.tessera.ticket.Ticket;

/** The requester (a customer id): is / is not / any of / none of. */
public record RequesterCondition(Operator operator, Set<CustomerId> customers) implements Condition {

    public RequesterCondition {
        customers = Set.copyOf(customers);
        Membership.negates("requester", operator);
        Values.require("requester", !customers.isEmpty());
    }

    private Set<Long> ids() {
        Set<Long> ids = new TreeSet<>();
        customers.forEach(c -> ids.add(c.value()));
        return ids;
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        return Membership.matches(ticket.requester().value(), ids(), false, Membership.negates("requester", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.requester_id", ids(), false, Membership.negates("requester", operator));
    }

    @Override
    public ConditionRow row() {
        return ConditionRow.of("requester", operator, ids().stream().map(String::valueOf).toList());
    }

    static RequesterCondition parse(Operator operator, List<String> values) {
        return new RequesterCondition(operator, Values.each("requester", values, v -> CustomerId.of(Values.id("requester", v))));
    }
}
