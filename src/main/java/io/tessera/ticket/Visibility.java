package io.tessera.ticket;

import java.util.List;
import java.util.Map;

import io.tessera.identity.Agent;
import io.tessera.identity.Role;
import io.tessera.shared.AgentId;
import io.tessera.shared.TeamId;

/**
 * Which tickets an agent may see: supervisors and admins see all, and so does every agent when the admin
 * setting "agents see all tickets" is on; otherwise an agent sees the tickets of their teams and the
 * tickets assigned to them. Applied in SQL, so lists and counts never leak.
 */
public record Visibility(boolean all, List<TeamId> teams, AgentId agent) {

    /** Prefer {@link TicketAccess#viewer}, which reads the admin setting. */
    public static Visibility of(Agent agent, boolean agentsSeeAll) {
        boolean all = agentsSeeAll || agent.role() == Role.ADMIN || agent.role() == Role.SUPERVISOR;
        return new Visibility(all, agent.teams().stream().map(t -> t.id()).toList(), agent.id());
    }

    /**
     * The same rule as {@link #sees} as an SQL condition over a ticket aliased {@code t}, appended as
     * {@code and (…)} with its parameters, so every query that lists or finds tickets filters the same way.
     */
    public void restrict(StringBuilder sql, Map<String, Object> params) {
        if (all) {
            return;
        }
        sql.append("and (t.assignee_id = :viewer");
        params.put("viewer", agent.value());
        if (!teams.isEmpty()) {
            sql.append(" or t.team_id in (:teams)");
            params.put("teams", teams.stream().map(TeamId::value).toList());
        }
        sql.append(") ");
    }

    public boolean sees(Ticket ticket) {
        return all || agent.equals(ticket.assignee()) || (ticket.team() != null && teams.contains(ticket.team()));
    }
}
