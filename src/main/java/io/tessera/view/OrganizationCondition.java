package io.tessera.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.shared.OrganizationId;
import io.tessera.ticket.Ticket;

/** The requester's organization (as stored on the ticket), or {@code none}. */
public record OrganizationCondition(Operator operator, Set<OrganizationId> organizations, boolean none)
        implements Condition {

    public OrganizationCondition {
        organizations = Set.copyOf(organizations);
        Membership.negates("organization", operator);
        Values.require("organization", none || !organizations.isEmpty());
    }

    private Set<Long> ids() {
        Set<Long> ids = new TreeSet<>();
        organizations.forEach(o -> ids.add(o.value()));
        return ids;
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Long organization = ticket.organization() == null ? null : ticket.organization().value();
        return Membership.matches(organization, ids(), none, Membership.negates("organization", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.organization_id", ids(), none, Membership.negates("organization", operator));
    }

    @Override
    public ConditionRow row() {
        List<String> values = new ArrayList<>();
        if (none) {
            values.add(Values.NONE);
        }
        ids().forEach(id -> values.add(String.valueOf(id)));
        return ConditionRow.of("organization", operator, values);
    }

    static OrganizationCondition parse(Operator operator, List<String> values) {
        Set<OrganizationId> organizations = new LinkedHashSet<>();
        boolean none = false;
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            if (Values.token(value, Values.NONE)) {
                none = true;
            } else {
                organizations.add(OrganizationId.of(Values.id("organization", value)));
            }
        }
        return new OrganizationCondition(operator, organizations, none);
    }
}
