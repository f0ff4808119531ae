package io.tessera.view;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.tessera.shared.TeamId;
import io.tessera.ticket.Ticket;

/** The team: specific teams, {@code mine} (the viewer's teams) and/or {@code none} (no team). */
public record TeamCondition(Operator operator, Set<TeamId> teams, boolean mine, boolean none) implements Condition {

    public TeamCondition {
        teams = Set.copyOf(teams);
        Membership.negates("team", operator);
        Values.require("team", mine || none || !teams.isEmpty());
    }

    private Set<Long> ids(Perspective perspective) {
        Set<Long> ids = new TreeSet<>();
        teams.forEach(t -> ids.add(t.value()));
        if (mine) {
            perspective.myTeams().forEach(t -> ids.add(t.value()));
        }
        return ids;
    }

    @Override
    public boolean matches(Ticket ticket, Perspective perspective) {
        Long team = ticket.team() == null ? null : ticket.team().value();
        return Membership.matches(team, ids(perspective), none, Membership.negates("team", operator));
    }

    @Override
    public void toSql(SqlWriter sql, Perspective perspective) {
        Membership.toSql(sql, "t.team_id", ids(perspective), none, Membership.negates("team", operator));
    }

    @Override
    public ConditionRow row() {
        List<String> values = new ArrayList<>();
        if (mine) {
            values.add(Values.MINE);
        }
        if (none) {
            values.add(Values.NONE);
        }
        teams.stream().map(TeamId::value).sorted().forEach(id -> values.add(String.valueOf(id)));
        return ConditionRow.of("team", operator, values);
    }

    static TeamCondition parse(Operator operator, List<String> values) {
        Set<TeamId> teams = new LinkedHashSet<>();
        boolean mine = false;
        boolean none = false;
        for (String value : values) {
            if (value.isBlank()) {
                continue;
            }
            if (Values.token(value, Values.MINE)) {
                mine = true;
            } else if (Values.token(value, Values.NONE)) {
                none = true;
            } else {
                teams.add(TeamId.of(Values.id("team", value)));
            }
        }
        return new TeamCondition(operator, teams, mine, none);
    }
}
