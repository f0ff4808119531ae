package io.tessera.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.ticket.Ticket;

/**
 * The customer tier: the ticket's organization's tier, else the requester's own ({@code gold}, {@code enterprise};
 * case-insensitive), or {@code none}. What SLA policies and routing rules ask ("priority × tier").
 */
public record TierCondition(Operator operator, Set<String> tiers, boolean none) implements Condition {

    static final String TIER_SQL = "lower(coalesce((select o.tier from organization o where o.id = t.organization_id), "
            + "(select c.tier from customer c where c.id = t.requester_id)))";

    public TierCondition {
        tiers = Set.copyOf(tiers.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList());
        Membership.negates("tier", operator);
        Values.require("tier", none || !tiers.isEmpty());
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        String tier = perspective.facts(ticket).tier();
        return Membership.matches(tier == null ? null : tier.toLowerCase(Locale.ROOT), tiers, none,
                Membership.negates("tier", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, TIER_SQL, new TreeSet<>(tiers), none, Membership.negates("tier", operator));
    }

    @Override
    public ConditionRow row() {
        List<String> values = new ArrayList<>();
        if (none) {
            values.add(Values.NONE);
        }
        values.addAll(new TreeSet<>(tiers));
        return ConditionRow.of("tier", operator, values);
    }

    static TierCondition parse(Operator operator, List<String> values) {
        Set<String> tiers = new TreeSet<>();
        boolean none = false;
        for (String value : values) {
            if (Values.token(value, Values.NONE)) {
                none = true;
            } else if (!value.isBlank()) {
                tiers.add(value.strip());
            }
        }
        return new TierCondition(operator, tiers, none);
    }
}
