package io.tessera.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.tessera.ticket.Ticket;

/** The ticket type (a key such as {@code incident}), or {@code none} for tickets without a type. */
public record TypeCondition(Operator operator, Set<String> types, boolean none) implements Condition {

    public TypeCondition {
        types = Set.copyOf(types);
        Membership.negates("type", operator);
        Values.require("type", none || !types.isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        return Membership.matches(ticket.type(), types, none, Membership.negates("type", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.type", types.stream().sorted().toList(), none, Membership.negates("type", operator));
    }

    @Override
    public ConditionRow row() {
        List<String> values = new ArrayList<>(types.stream().sorted().toList());
        if (none) {
            values.add(Values.NONE);
        }
        return ConditionRow.of("type", operator, values);
    }

    static TypeCondition parse(Operator operator, List<String> values) {
        boolean none = values.stream().anyMatch(v -> Values.token(v, Values.NONE));
        Set<String> types = new java.util.LinkedHashSet<>();
        values.stream().filter(v -> !v.isBlank() && !Values.token(v, Values.NONE))
                .forEach(v -> types.add(v.strip().toLowerCase(Locale.ROOT)));
        return new TypeCondition(operator, types, none);
    }
}
