package io.tessera.ticket;

import java.util.List;

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

    /** Without the admin setting; prefer {@link TicketAccess#viewer}. */
    public static Visibility of(Agent agent) {
        return of(agent, false);
    }

    public static Visibility of(Agent agent, boolean agentsSeeAll) {
        boolean all = agentsSeeAll || agent.role() == Role.ADMIN || agent.role() == Role.SUPERVISOR;
        return new Visibility(all, agent.teams().stream().map(t -> t.id()).toList(), agent.id());
    }

    public boolean sees(Ticket ticket) {
        return all || agent.equals(ticket.assignee()) || (ticket.team() != null && teams.contains(ticket.team()));
    }
}
