package io.tessera.ticket;

import java.util.Map;

import io.tessera.identity.Agent;
import io.tessera.identity.TicketScope;
import io.tessera.identity.TicketScopes;

/**
 * Which tickets an agent may see ({@link TicketScope}: supervisors and admins see all, and so does every
 * agent when the admin setting "agents see all tickets" is on; otherwise an agent sees the tickets of
 * their teams and the tickets assigned to them), applied to ticket queries in SQL and to a loaded
 * {@link Ticket} in memory, so lists, counts and pages never disagree.
 */
public record Visibility(TicketScope scope) {

    /** Prefer {@link TicketAccess#viewer}, which reads the admin setting. */
    public static Visibility of(Agent agent, boolean agentsSeeAll) {
        return new Visibility(TicketScopes.of(agent, agentsSeeAll));
    }

    /** True when the agent sees every ticket, so queries need no condition. */
    public boolean all() {
        return scope.all();
    }

    /** Appends the rule as {@code and (…)} over a ticket aliased {@code t}. */
    public void restrict(StringBuilder sql, Map<String, Object> params) {
        scope.restrict(sql, params);
    }

    public boolean sees(Ticket ticket) {
        return scope.covers(ticket.team(), ticket.assignee());
    }
}
