package io.tessera.identity;

import java.util.Map;
import java.util.Set;

import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * Which tickets an agent may see: every ticket ({@code all}: supervisors, admins, and every agent when
 * the admin setting "agents see all tickets" is on), or the tickets of their teams plus those assigned to
 * them. Identity owns the rule because it is about the agent (role, teams, the install's policy); every
 * module that lists tickets (workspace, customer profiles, search, API) applies this one rule.
 */
public record TicketScope(boolean all, Set<TeamId> teams, AgentId agent) {

    public TicketScope {
        teams = Set.copyOf(teams);
    }

    /**
     * The rule as an SQL condition over a ticket row aliased {@code t} (columns {@code assignee_id} and
     * {@code team_id}), appended as {@code and (…)} with its parameters.
     */
    public void restrict(StringBuilder sql, Map<String, Object> params) {
        if (all) {
            return;
        }
        sql.append("and (t.assignee_id = :viewer");
        params.put("viewer", agent.value());
        if (!teams.isEmpty()) {
            sql.append(" or t.team_id in (:teams)");
            params.put("teams", teams.stream().map(TeamId::value).sorted().toList());
        }
        sql.append(") ");
    }

    /** The same rule for one ticket in memory. */
    public boolean covers(TeamId team, AgentId assignee) {
        return all || agent.equals(assignee) || (team != null && teams.contains(team));
    }
}
