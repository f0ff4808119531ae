package io.tessera.identity;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.tessera.shared.AgentId;

/** The {@link TicketScope} of an agent, and the admin setting that widens every agent's scope to all tickets. */
@Component
@Transactional(readOnly = true)
public class TicketScopes {

    static final String AGENTS_SEE_ALL = "tickets.agents-see-all";

    private final AgentManagement agents;
    private final InstallSettings settings;

    TicketScopes(AgentManagement agents, InstallSettings settings) {
        this.agents = agents;
        this.settings = settings;
    }

    public TicketScope of(AgentId agent) {
        return of(agents.get(agent), agentsSeeAllTickets());
    }

    /** For callers that already hold the agent and the setting (tests, batch work). */
    public static TicketScope of(Agent agent, boolean agentsSeeAll) {
        boolean all = agentsSeeAll || agent.role() == Role.ADMIN || agent.role() == Role.SUPERVISOR;
        return new TicketScope(all, agent.teams().stream().map(TeamRef::id).collect(Collectors.toSet()), agent.id());
    }

    public boolean agentsSeeAllTickets() {
        return settings.flag(AGENTS_SEE_ALL, false);
    }

    @Transactional
    public void setAgentsSeeAllTickets(boolean value) {
        settings.setFlag(AGENTS_SEE_ALL, value);
    }
}
