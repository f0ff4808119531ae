package io.tessera.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.shared.AgentId;
import io.tessera.ticket.Ticket;

/** The assignee: specific agents, {@code me} (the viewer) and/or {@code none} (unassigned). */
public record AssigneeCondition(Operator operator, Set<AgentId> agents, boolean me, boolean none) implements Condition {

    public AssigneeCondition {
        agents = Set.copyOf(agents);
        Membership.negates("assignee", operator);
        Values.require("assignee", me || none || !agents.isEmpty());
    }

    private Set<Long> ids(Perspective perspective) {
        Set<Long> ids = new TreeSet<>();
        agents.forEach(a -> ids.add(a.value()));
        if (me) {
            ids.add(perspective.me().value());
        }
        return ids;
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Long assignee = ticket.assignee() == null ? null : ticket.assignee().value();
        return Membership.matches(assignee, ids(perspective), none, Membership.negates("assignee", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.assignee_id", ids(perspective), none, Membership.negates("assignee", operator));
    }

    @Override
    public ConditionRow row() {
        List<String> values = new ArrayList<>();
        if (me) {
            values.add(Values.ME);
        }
        if (none) {
            values.add(Values.NONE);
        }
        agents.stream().map(AgentId::value).sorted().forEach(id -> values.add(String.valueOf(id)));
        return ConditionRow.of("assignee", operator, values);
    }

    static AssigneeCondition parse(Operator operator, List<String> values) {
        Set<AgentId> agents = new LinkedHashSet<>();
        boolean me = false;
        boolean none = false;
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            if (Values.token(value, Values.ME)) {
                me = true;
            } else if (Values.token(value, Values.NONE)) {
                none = true;
            } else {
                agents.add(AgentId.of(Values.id("assignee", value)));
            }
        }
        return new AssigneeCondition(operator, agents, me, none);
    }
}
